/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-contact.c: one entry of a party's contact log */
#define G_LOG_DOMAIN "raad-contact"

#include "config.h"

#include "raad-contact.h"

struct _RaadContact
{
  RaadRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RaadContact, raad_contact, RAAD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_COUNCIL_ID,
  PROP_STAKEHOLDER_ID,
  PROP_DATE,
  PROP_KIND,
  PROP_PARTICIPANTS,
  PROP_SUMMARY,
  PROP_FOLLOW_UP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
raad_contact_class_init (RaadContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RaadRecordClass *record_class = RAAD_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = _raad_record_get_field;
  object_class->set_property = _raad_record_set_field;
  record_class->type_name = "contact";
  record_class->council_private = TRUE;

  properties[PROP_COUNCIL_ID] = g_param_spec_string ("council-id", NULL, NULL, NULL, flags);
  properties[PROP_STAKEHOLDER_ID] = g_param_spec_string ("stakeholder-id", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_PARTICIPANTS] = g_param_spec_string ("participants", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties[PROP_FOLLOW_UP] = g_param_spec_string ("follow-up", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raad_contact_init (RaadContact *self)
{
}

RaadContact *
raad_contact_new (RaadStore *store)
{
  return RAAD_CONTACT (raad_record_new (RAAD_TYPE_CONTACT, store));
}
