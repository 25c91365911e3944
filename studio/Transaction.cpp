#include "studio/Transaction.h"

#include "studio/Database.h"

namespace ds {

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (done_) return;
    try {
        db_.exec("ROLLBACK");
    } catch (...) {
        // A failed rollback leaves SQLite to roll back when the connection closes.
    }
}

void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

}  // namespace ds
