#include "studio/Transaction.h"

#include <sqlite3.h>

#include "studio/Database.h"

namespace ds {

Transaction::Transaction(Database& db) : db_(db) {
    nested_ = sqlite3_get_autocommit(db_.handle()) == 0;
    db_.exec(nested_ ? "SAVEPOINT ds_nested" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (done_) return;
    try {
        if (nested_) {
            db_.exec("ROLLBACK TO ds_nested");
            db_.exec("RELEASE ds_nested");
        } else {
            db_.exec("ROLLBACK");
        }
    } catch (...) {
        // A failed rollback leaves SQLite to roll back when the connection closes.
    }
}

void Transaction::commit() {
    db_.exec(nested_ ? "RELEASE ds_nested" : "COMMIT");
    done_ = true;
}

}  // namespace ds
