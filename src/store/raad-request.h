/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-request.h: an advice or consent request (or unsolicited advice) as a dossier */
#pragma once

#include "raad-record.h"

G_BEGIN_DECLS

#define RAAD_TYPE_REQUEST (raad_request_get_type ())
G_DECLARE_FINAL_TYPE (RaadRequest, raad_request, RAAD, REQUEST, RaadRecord)

/* A council's private record ("scope": "council"). JSON fields: council_id, kind ("advice" art. 7 | "consent" art. 8 | "unsolicited" art. 9), article, letter, subject, received, deadline, answer and answered (date), reply and replied (date: the director's written reply), status ("received" | "in-progress" | "answered" | "replied" | "closed"), decided_without_consent (date a refused consent was decided anyway: the one-month window to declare it void starts there).
 * Fields are read and written as GObject properties (raad_record_get_string etc.). */
RaadRequest *raad_request_new (RaadStore *store);

G_END_DECLS
