/** Admin views: plugins and settings; private to this bundle. */
package io.tideline.views.admin;
