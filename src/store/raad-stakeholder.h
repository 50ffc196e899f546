/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-stakeholder.h: a party on the council's playing field (speelveld) */
#pragma once

#include "raad-record.h"

G_BEGIN_DECLS

#define RAAD_TYPE_STAKEHOLDER (raad_stakeholder_get_type ())
G_DECLARE_FINAL_TYPE (RaadStakeholder, raad_stakeholder, RAAD, STAKEHOLDER, RaadRecord)

/* A council's private record ("scope": "council"). JSON fields: council_id (whose playing field), category ("director" | "supervisory-board" | "works-council" | "staff" | "clients" | "relatives" | "care-purchaser" | "inspectorate" | "municipality" | "support-officer" | "other-council" | "own"), name, contact_person, interests (what the party finds important), influence and interest (1 low … 5 high: the power/interest grid), relation ("good" | "neutral" | "strained"), formal_right (the council's right towards it: "information" | "consultation" | "advice" | "consent" | "none"), rhythm_months (planned contact every so many months, 0 for none), next_contact (YYYY-MM-DD: the next talk planned), notes, map_x and map_y (the place on the map, 0…1 across and down; -1 until placed: the map then places the party by its category), other_council_id (for category "other-council").
 * Fields are read and written as GObject properties (raad_record_get_string etc.). */
RaadStakeholder *raad_stakeholder_new (RaadStore *store);

G_END_DECLS
