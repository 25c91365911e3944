#pragma once
// A write transaction (BEGIN IMMEDIATE, so a second writer is told at once that it must wait)
// that rolls back in its destructor unless commit() was called. Inside another transaction it
// becomes a savepoint, so stores can be combined in one all-or-nothing unit of work.
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
    bool nested_ = false;
};

}  // namespace ds
