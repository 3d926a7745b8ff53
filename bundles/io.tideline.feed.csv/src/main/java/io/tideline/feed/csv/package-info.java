/** CSV import (FRED, Yahoo, Binance and plain files), the inbox and the sample workspace; private. */
package io.tideline.feed.csv;
