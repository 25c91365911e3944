#pragma once
// A write transaction (BEGIN IMMEDIATE, so a second writer is told at once that it must wait)
// that rolls back in its destructor unless commit() was called.
namespace ds {

class Database;

class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Database& db_;
    bool done_ = false;
};

}  // namespace ds
