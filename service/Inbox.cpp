#include "service/Inbox.h"

#include <fmt/format.h>

#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/Statement.h"
#include "studio/TextRules.h"
#include "studio/Transaction.h"

namespace ds::service {

std::string_view outcomeCode(DeliveryOutcome outcome) {
    switch (outcome) {
        case DeliveryOutcome::Question:
            return "question";
        case DeliveryOutcome::Waiting:
            return "waiting";
        case DeliveryOutcome::Duplicate:
            return "duplicate";
        case DeliveryOutcome::Rejected:
            return "rejected";
    }
    return "rejected";
}

nlohmann::json WaitingMessage::toJson() const {
    return {{"id", id},
            {"channel", message.channel},
            {"received_at", formatUtc(message.receivedAt)},
            {"sender_name", message.senderName},
            {"contact", message.contact},
            {"text", message.text},
            {"note", message.note}};
}

void Inbox::validate(const ChannelMessage& m) {
    requireText(m.messageId, "message id", kMaxNameBytes, true);
    requireText(m.text, "text", kMaxQuestionTextBytes, true);
    requireText(m.senderName, "sender name", kMaxNameBytes, false);
    requireText(m.contact, "sender", kMaxNameBytes, false);
    requireText(m.note, "note", kMaxNoteBytes, false);
    if (m.receivedAt == TimePoint{}) throw InputError("field 'timestamp': missing");
    if (m.receivedAt > now() + std::chrono::minutes(5))
        throw InputError(
            fmt::format("field 'timestamp': {} is in the future", formatUtc(m.receivedAt)));
}

std::optional<std::int64_t> Inbox::liveSession() {
    Statement st = db_.prepare(
        "SELECT id FROM sessions WHERE status = 'live' ORDER BY started_at DESC, "
        "id DESC LIMIT 1");
    if (!st.step()) return std::nullopt;
    return st.getInt(0);
}

std::int64_t Inbox::makeQuestion(std::int64_t rowId, const ChannelMessage& m,
                                 std::int64_t sessionId, const std::string& actor) {
    Question q;
    q.sessionId = sessionId;
    q.channel = m.channel;
    q.receivedAt = m.receivedAt;
    q.callerName = m.senderName;
    q.contact = m.contact;
    q.text = m.note.empty() ? m.text : m.text + "\n[" + m.note + "]";
    q.written = channelIsWritten(m.channel);
    // Nests as a savepoint in the caller's transaction.
    const Question stored = intake_.receive(q, actor);
    // The question now holds the message; the inbox keeps only the id (so a retry is still
    // recognised) and the link, so retention has one copy of the personal data to erase.
    db_.prepare(
           "UPDATE channel_messages SET question_id = ?, sender_name = '', contact = '', "
           "text = '', note = '' WHERE id = ?")
        .bindAll(stored.id, rowId)
        .run();
    return stored.id;
}

Delivery Inbox::deliverOne(const ChannelMessage& m, std::optional<std::int64_t> session,
                           const std::string& actor) {
    Delivery d;
    try {
        validate(m);
        Transaction sp(db_);
        db_.prepare(
               "INSERT INTO channel_messages (channel, message_id, received_at, arrived_at, "
               "sender_name, contact, text, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
               "ON CONFLICT(channel, message_id) DO NOTHING")
            .bindAll(m.channel, m.messageId, formatUtc(m.receivedAt), formatUtc(now()),
                     m.senderName, m.contact, m.text, m.note)
            .run();
        if (db_.changes() == 0) {
            d.outcome = DeliveryOutcome::Duplicate;
            return d;
        }
        const std::int64_t rowId = db_.lastInsertId();
        if (session) {
            d.questionId = makeQuestion(rowId, m, *session, actor);
            d.outcome = DeliveryOutcome::Question;
        } else {
            Journal::append(db_, {actor,
                                  "inbox.receive",
                                  fmt::format("inbox:{}", rowId),
                                  nullptr,
                                  {{"channel", m.channel},
                                   {"message_id", m.messageId},
                                   {"received_at", formatUtc(m.receivedAt)}}});
            d.outcome = DeliveryOutcome::Waiting;
        }
        sp.commit();
    } catch (const UserError& e) {
        d.outcome = DeliveryOutcome::Rejected;
        d.problem = e.what();
    }
    return d;
}

std::vector<Delivery> Inbox::deliver(std::span<const ChannelMessage> messages,
                                     const std::string& actor) {
    std::vector<Delivery> out;
    out.reserve(messages.size());
    Transaction tx(db_);
    const auto session = liveSession();
    for (const ChannelMessage& m : messages)
        out.push_back(deliverOne(m, session, actor));
    tx.commit();
    return out;
}

std::vector<WaitingMessage> Inbox::waiting() {
    std::vector<WaitingMessage> out;
    Statement st = db_.prepare(
        "SELECT id, channel, message_id, received_at, sender_name, contact, text, note "
        "FROM channel_messages WHERE question_id IS NULL ORDER BY received_at, id");
    while (st.step()) {
        WaitingMessage w;
        w.id = st.getInt(0);
        w.message.channel = st.getText(1);
        w.message.messageId = st.getText(2);
        w.message.receivedAt = parseUtc(st.getText(3)).value_or(TimePoint{});
        w.message.senderName = st.getText(4);
        w.message.contact = st.getText(5);
        w.message.text = st.getText(6);
        w.message.note = st.getText(7);
        out.push_back(std::move(w));
    }
    return out;
}

std::vector<std::int64_t> Inbox::attach(std::int64_t sessionId, const std::string& actor) {
    std::vector<std::int64_t> ids;
    Transaction tx(db_);
    for (const WaitingMessage& w : waiting())
        ids.push_back(makeQuestion(w.id, w.message, sessionId, actor));
    tx.commit();
    return ids;
}

}  // namespace ds::service
