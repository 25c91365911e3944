#pragma once
// The vocabularies of the PPID record beyond the request itself (Vocabulary.h has the request's
// own): the grounds of an objection (UU KIP Pasal 35(1) a-g) with their citations, the
// superior's answer to it (Pasal 36), the outcome of a dispute before the Information
// Commission (Pasal 37), and the Indonesian names of journalled steps for the record's history.
#include <span>
#include <string_view>

#include "studio/Vocabulary.h"

namespace ds::vocab {

// P35a .. P35g.
std::span<const Term> objectionGrounds();
// upheld, partly_upheld, rejected, withdrawn.
std::span<const Term> objectionOutcomes();
// granted, partly_granted, rejected, mediated, withdrawn.
std::span<const Term> disputeOutcomes();
// Journal actions on requests and sessions, for the history in the record ("request.decide" ->
// "Keputusan"). Unknown actions are shown by their code.
std::span<const Term> journalActions();

}  // namespace ds::vocab
