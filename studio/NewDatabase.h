#pragma once
// Whether this run may start a new database file. A database is made at the default path
// (or DIALOGSTUDIO_DB) as before; at a path given with --db only when asked (--create) or by
// the commands that set a station up (station set, demo): a mistyped --db must not quietly
// start an empty record beside the real one.
namespace ds {

void allowNewDatabase();
bool newDatabaseAllowed();

}  // namespace ds
