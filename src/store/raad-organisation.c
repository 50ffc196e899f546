/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-organisation.c: the care organisation whose councils the database holds */
#define G_LOG_DOMAIN "raad-organisation"

#include "config.h"

#include "raad-organisation.h"

struct _RaadOrganisation
{
  RaadRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RaadOrganisation, raad_organisation, RAAD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_SECTOR,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
raad_organisation_class_init (RaadOrganisationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RaadRecordClass *record_class = RAAD_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = _raad_record_get_field;
  object_class->set_property = _raad_record_set_field;
  record_class->type_name = "organisation";

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_SECTOR] = g_param_spec_string ("sector", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raad_organisation_init (RaadOrganisation *self)
{
}

RaadOrganisation *
raad_organisation_new (RaadStore *store)
{
  return RAAD_ORGANISATION (raad_record_new (RAAD_TYPE_ORGANISATION, store));
}

RaadOrganisation *
raad_organisation_load_default (RaadStore *store)
{
  g_auto(GStrv) ids = raad_store_list_ids (store, "organisation");

  /* One organisation per database; should sync ever bring two, the first id wins. */
  if (ids[0] == NULL)
    return NULL;
  return RAAD_ORGANISATION (raad_record_load (store, ids[0], NULL));
}

const char *
raad_organisation_get_name (RaadOrganisation *self)
{
  g_return_val_if_fail (RAAD_IS_ORGANISATION (self), NULL);
  return raad_record_get_string (RAAD_RECORD (self), "name");
}

void
raad_organisation_set_name (RaadOrganisation *self,
                            const char       *name)
{
  g_return_if_fail (RAAD_IS_ORGANISATION (self));
  raad_record_set_string (RAAD_RECORD (self), "name", name);
}

const char *
raad_organisation_get_sector (RaadOrganisation *self)
{
  g_return_val_if_fail (RAAD_IS_ORGANISATION (self), NULL);
  return raad_record_get_string (RAAD_RECORD (self), "sector");
}

void
raad_organisation_set_sector (RaadOrganisation *self,
                              const char       *sector)
{
  g_return_if_fail (RAAD_IS_ORGANISATION (self));
  raad_record_set_string (RAAD_RECORD (self), "sector", sector);
}
