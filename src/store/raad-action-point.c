/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-action-point.c: an action point from a meeting: what, who, by when */
#define G_LOG_DOMAIN "raad-action-point"

#include "config.h"

#include "raad-action-point.h"

struct _RaadActionPoint
{
  RaadRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RaadActionPoint, raad_action_point, RAAD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_COUNCIL_ID,
  PROP_MEETING_ID,
  PROP_ITEM_ID,
  PROP_TEXT,
  PROP_OWNER_ID,
  PROP_DUE,
  PROP_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
raad_action_point_class_init (RaadActionPointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RaadRecordClass *record_class = RAAD_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = _raad_record_get_field;
  object_class->set_property = _raad_record_set_field;
  record_class->type_name = "action_point";
  record_class->council_private = TRUE;

  properties[PROP_COUNCIL_ID] = g_param_spec_string ("council-id", NULL, NULL, NULL, flags);
  properties[PROP_MEETING_ID] = g_param_spec_string ("meeting-id", NULL, NULL, NULL, flags);
  properties[PROP_ITEM_ID] = g_param_spec_string ("item-id", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_OWNER_ID] = g_param_spec_string ("owner-id", NULL, NULL, NULL, flags);
  properties[PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, flags);
  properties[PROP_DONE] = g_param_spec_string ("done", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raad_action_point_init (RaadActionPoint *self)
{
}

RaadActionPoint *
raad_action_point_new (RaadStore *store)
{
  return RAAD_ACTION_POINT (raad_record_new (RAAD_TYPE_ACTION_POINT, store));
}
