/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-action-point.h: an action point from a meeting: what, who, by when */
#pragma once

#include "raad-record.h"

G_BEGIN_DECLS

#define RAAD_TYPE_ACTION_POINT (raad_action_point_get_type ())
G_DECLARE_FINAL_TYPE (RaadActionPoint, raad_action_point, RAAD, ACTION_POINT, RaadRecord)

/* A council's private record ("scope": "council"). JSON fields: council_id, meeting_id (where it was made), item_id, text, owner_id (a member), due (YYYY-MM-DD), done (the date it was closed, else absent).
 * Fields are read and written as GObject properties (raad_record_get_string etc.). */
RaadActionPoint *raad_action_point_new (RaadStore *store);

G_END_DECLS
