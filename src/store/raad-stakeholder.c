/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-stakeholder.c: a party on the council's playing field (speelveld) */
#define G_LOG_DOMAIN "raad-stakeholder"

#include "config.h"

#include "raad-stakeholder.h"

struct _RaadStakeholder
{
  RaadRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RaadStakeholder, raad_stakeholder, RAAD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_COUNCIL_ID,
  PROP_CATEGORY,
  PROP_NAME,
  PROP_CONTACT_PERSON,
  PROP_INTERESTS,
  PROP_INFLUENCE,
  PROP_INTEREST,
  PROP_RELATION,
  PROP_FORMAL_RIGHT,
  PROP_RHYTHM_MONTHS,
  PROP_NEXT_CONTACT,
  PROP_NOTES,
  PROP_MAP_X,
  PROP_MAP_Y,
  PROP_OTHER_COUNCIL_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
raad_stakeholder_class_init (RaadStakeholderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RaadRecordClass *record_class = RAAD_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = _raad_record_get_field;
  object_class->set_property = _raad_record_set_field;
  record_class->type_name = "stakeholder";
  record_class->council_private = TRUE;

  properties[PROP_COUNCIL_ID] = g_param_spec_string ("council-id", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_CONTACT_PERSON] = g_param_spec_string ("contact-person", NULL, NULL, NULL, flags);
  properties[PROP_INTERESTS] = g_param_spec_string ("interests", NULL, NULL, NULL, flags);
  properties[PROP_INFLUENCE] = g_param_spec_uint ("influence", NULL, NULL, 0, 5, 0, flags);
  properties[PROP_INTEREST] = g_param_spec_uint ("interest", NULL, NULL, 0, 5, 0, flags);
  properties[PROP_RELATION] = g_param_spec_string ("relation", NULL, NULL, NULL, flags);
  properties[PROP_FORMAL_RIGHT] = g_param_spec_string ("formal-right", NULL, NULL, NULL, flags);
  properties[PROP_RHYTHM_MONTHS] = g_param_spec_uint ("rhythm-months", NULL, NULL, 0, 120, 0, flags);
  properties[PROP_NEXT_CONTACT] = g_param_spec_string ("next-contact", NULL, NULL, NULL, flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, flags);
  properties[PROP_MAP_X] = g_param_spec_double ("map-x", NULL, NULL, -1.0, 1.0, -1.0, flags);
  properties[PROP_MAP_Y] = g_param_spec_double ("map-y", NULL, NULL, -1.0, 1.0, -1.0, flags);
  properties[PROP_OTHER_COUNCIL_ID] = g_param_spec_string ("other-council-id", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raad_stakeholder_init (RaadStakeholder *self)
{
}

RaadStakeholder *
raad_stakeholder_new (RaadStore *store)
{
  return RAAD_STAKEHOLDER (raad_record_new (RAAD_TYPE_STAKEHOLDER, store));
}
