/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-agenda-item.h: one item (or sub-item) of a meeting's agenda */
#pragma once

#include "raad-record.h"

G_BEGIN_DECLS

#define RAAD_TYPE_AGENDA_ITEM (raad_agenda_item_get_type ())
G_DECLARE_FINAL_TYPE (RaadAgendaItem, raad_agenda_item, RAAD, AGENDA_ITEM, RaadRecord)

/* A council's private record ("scope": "council"). JSON fields: council_id, meeting_id, parent_id (NULL for an item), order_key (raad-order-key.h), title, kind ("standard" | "subject"), standard (which standard item: "opening", "agenda", "minutes", "announcements", "exchange", "any-other-business", "closing"), purpose ("information" | "discussion" | "decision" | "advice-request" | "consent-request" | "unsolicited-advice"), duration (minutes), presenter_id (a member), guest, notes, minutes, decision, request_id, signal_ids (constituency signals it takes up; each signal names the item back), shared (with the other councils).
 * Fields are read and written as GObject properties (raad_record_get_string etc.). */
RaadAgendaItem *raad_agenda_item_new (RaadStore *store);

G_END_DECLS
