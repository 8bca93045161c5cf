#ifndef CSQLITE_SHIM_H
#define CSQLITE_SHIM_H
// SQLite's C API, for binding values straight into GRDB's prepared statements on the sweep's hot path.
#include <sqlite3.h>
#endif
