/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-organisation.h: the care organisation whose councils the database holds */
#pragma once

#include "raad-record.h"

G_BEGIN_DECLS

#define RAAD_TYPE_ORGANISATION (raad_organisation_get_type ())
G_DECLARE_FINAL_TYPE (RaadOrganisation, raad_organisation, RAAD, ORGANISATION, RaadRecord)

/* JSON fields: name, sector, description. There is one organisation per database. */
RaadOrganisation *raad_organisation_new              (RaadStore        *store);
/* The organisation of @store, or NULL when the database is empty. */
RaadOrganisation *raad_organisation_load_default     (RaadStore        *store);
const char       *raad_organisation_get_name         (RaadOrganisation *self);
void              raad_organisation_set_name         (RaadOrganisation *self,
                                                      const char       *name);
const char       *raad_organisation_get_sector       (RaadOrganisation *self);
void              raad_organisation_set_sector       (RaadOrganisation *self,
                                                      const char       *sector);

G_END_DECLS
