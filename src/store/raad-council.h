/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-council.h: a client council (cliëntenraad), central (CCR) or local */
#pragma once

#include "raad-record.h"

G_BEGIN_DECLS

#define RAAD_TYPE_COUNCIL (raad_council_get_type ())
G_DECLARE_FINAL_TYPE (RaadCouncil, raad_council, RAAD, COUNCIL, RaadRecord)

/* JSON fields: name, kind ("central" | "local"), location, parent_id, description. */
#define RAAD_COUNCIL_CENTRAL "central"
#define RAAD_COUNCIL_LOCAL   "local"

RaadCouncil *raad_council_new              (RaadStore    *store);
const char  *raad_council_get_name         (RaadCouncil  *self);
void         raad_council_set_name         (RaadCouncil  *self,
                                            const char   *name);
const char  *raad_council_get_kind         (RaadCouncil  *self);
void         raad_council_set_kind         (RaadCouncil  *self,
                                            const char   *kind);
gboolean     raad_council_is_central       (RaadCouncil  *self);
const char  *raad_council_get_location     (RaadCouncil  *self);
void         raad_council_set_location     (RaadCouncil  *self,
                                            const char   *location);
const char  *raad_council_get_parent_id    (RaadCouncil  *self);
void         raad_council_set_parent_id    (RaadCouncil  *self,
                                            const char   *parent_id);
const char  *raad_council_get_description  (RaadCouncil  *self);
void         raad_council_set_description  (RaadCouncil  *self,
                                            const char   *description);
gboolean     raad_council_validate         (RaadCouncil  *self,
                                            GError      **error);

G_END_DECLS
