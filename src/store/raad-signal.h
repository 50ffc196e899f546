/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-signal.h: a signal from the constituency (achterban), followed to the agenda and back */
#pragma once

#include "raad-record.h"

G_BEGIN_DECLS

#define RAAD_TYPE_SIGNAL (raad_signal_get_type ())
G_DECLARE_FINAL_TYPE (RaadSignal, raad_signal, RAAD, SIGNAL, RaadRecord)

/* A council's private record ("scope": "council"): personal data (it may describe health). JSON fields: council_id, received (YYYY-MM-DD), source ("living-room" | "department-meeting" | "exit-visit" | "survey" | "email" | "mystery-guest" | "other"), location, theme, text (the signal itself; personal), raised_by_kind ("group" | "person"), raised_by (who raised it: a group by default; personal), feedback_owed, feedback_due (YYYY-MM-DD), status ("new" | "on-agenda" | "handled" | "feedback-given"), meeting_id and agenda_item_id (where it is on the agenda; the item lists it in signal_ids), handled (date), outcome (what was done, or why not), feedback_given (date), feedback_how.
 * Fields are read and written as GObject properties (raad_record_get_string etc.). */
RaadSignal *raad_signal_new (RaadStore *store);

G_END_DECLS
