/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-shared-item.c: an agenda item a council shares with the other councils */
#define G_LOG_DOMAIN "raad-shared-item"

#include "config.h"

#include "raad-shared-item.h"

struct _RaadSharedItem
{
  RaadRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RaadSharedItem, raad_shared_item, RAAD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_COUNCIL_ID,
  PROP_COUNCIL_NAME,
  PROP_ITEM_ID,
  PROP_MEETING_DATE,
  PROP_TITLE,
  PROP_DECISION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
raad_shared_item_class_init (RaadSharedItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RaadRecordClass *record_class = RAAD_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = _raad_record_get_field;
  object_class->set_property = _raad_record_set_field;
  record_class->type_name = "shared_item";
  /* Read by every council: it lives in the organisation's database. */
  record_class->council_private = FALSE;

  properties[PROP_COUNCIL_ID] = g_param_spec_string ("council-id", NULL, NULL, NULL, flags);
  properties[PROP_COUNCIL_NAME] = g_param_spec_string ("council-name", NULL, NULL, NULL, flags);
  properties[PROP_ITEM_ID] = g_param_spec_string ("item-id", NULL, NULL, NULL, flags);
  properties[PROP_MEETING_DATE] = g_param_spec_string ("meeting-date", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DECISION] = g_param_spec_string ("decision", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raad_shared_item_init (RaadSharedItem *self)
{
}

RaadSharedItem *
raad_shared_item_new (RaadStore *store)
{
  return RAAD_SHARED_ITEM (raad_record_new (RAAD_TYPE_SHARED_ITEM, store));
}
