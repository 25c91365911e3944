#pragma once
// The one rule for whether an information request was or is answered in time (UU 14/2008
// Pasal 22(7)-(8); SOP 000 Pasal 6): judged on the station's calendar days, a request is
// overdue when it is undecided after its due day, and decided on time when the decision fell
// on or before its due day. Every report, list and window asks here.
#include <optional>

#include "studio/Time.h"

namespace ds {

enum class Timeliness { Pending, Overdue, OnTime, Late };

// `due`: the request's due day (after any extension); `decided`: the local day of its
// decision, if any; `asOf`: the local day the question is asked on.
Timeliness timeliness(Day due, std::optional<Day> decided, Day asOf);

}  // namespace ds
