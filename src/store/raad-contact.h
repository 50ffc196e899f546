/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-contact.h: one entry of a party's contact log */
#pragma once

#include "raad-record.h"

G_BEGIN_DECLS

#define RAAD_TYPE_CONTACT (raad_contact_get_type ())
G_DECLARE_FINAL_TYPE (RaadContact, raad_contact, RAAD, CONTACT, RaadRecord)

/* A council's private record ("scope": "council"). JSON fields: council_id, stakeholder_id, date (YYYY-MM-DD), kind ("meeting" | "call" | "visit" | "email" | "purchase-talk" | "inspection-visit"), participants (who took part), summary, follow_up.
 * Fields are read and written as GObject properties (raad_record_get_string etc.). */
RaadContact *raad_contact_new (RaadStore *store);

G_END_DECLS
