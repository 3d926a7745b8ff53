/**
 * The series store on Apache Derby: series as time-ordered column chunks inside Derby tables.
 * Private to this bundle; met through the {@link io.tideline.api.store.SeriesStore} service.
 */
package io.tideline.store.derby;
