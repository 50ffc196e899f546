/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-agenda-item.c: one item (or sub-item) of a meeting's agenda */
#define G_LOG_DOMAIN "raad-agenda-item"

#include "config.h"

#include "raad-agenda-item.h"

struct _RaadAgendaItem
{
  RaadRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RaadAgendaItem, raad_agenda_item, RAAD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_COUNCIL_ID,
  PROP_MEETING_ID,
  PROP_PARENT_ID,
  PROP_ORDER_KEY,
  PROP_TITLE,
  PROP_KIND,
  PROP_STANDARD,
  PROP_PURPOSE,
  PROP_DURATION,
  PROP_PRESENTER_ID,
  PROP_GUEST,
  PROP_NOTES,
  PROP_MINUTES,
  PROP_DECISION,
  PROP_REQUEST_ID,
  PROP_SIGNAL_IDS,
  PROP_SHARED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
raad_agenda_item_class_init (RaadAgendaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RaadRecordClass *record_class = RAAD_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = _raad_record_get_field;
  object_class->set_property = _raad_record_set_field;
  record_class->type_name = "agenda_item";
  record_class->council_private = TRUE;

  properties[PROP_COUNCIL_ID] = g_param_spec_string ("council-id", NULL, NULL, NULL, flags);
  properties[PROP_MEETING_ID] = g_param_spec_string ("meeting-id", NULL, NULL, NULL, flags);
  properties[PROP_PARENT_ID] = g_param_spec_string ("parent-id", NULL, NULL, NULL, flags);
  properties[PROP_ORDER_KEY] = g_param_spec_string ("order-key", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_STANDARD] = g_param_spec_string ("standard", NULL, NULL, NULL, flags);
  properties[PROP_PURPOSE] = g_param_spec_string ("purpose", NULL, NULL, NULL, flags);
  properties[PROP_DURATION] = g_param_spec_uint ("duration", NULL, NULL, 0, 24 * 60, 0, flags);
  properties[PROP_PRESENTER_ID] = g_param_spec_string ("presenter-id", NULL, NULL, NULL, flags);
  properties[PROP_GUEST] = g_param_spec_string ("guest", NULL, NULL, NULL, flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, flags);
  properties[PROP_MINUTES] = g_param_spec_string ("minutes", NULL, NULL, NULL, flags);
  properties[PROP_DECISION] = g_param_spec_string ("decision", NULL, NULL, NULL, flags);
  properties[PROP_REQUEST_ID] = g_param_spec_string ("request-id", NULL, NULL, NULL, flags);
  properties[PROP_SIGNAL_IDS] = g_param_spec_boxed ("signal-ids", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_SHARED] = g_param_spec_boolean ("shared", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raad_agenda_item_init (RaadAgendaItem *self)
{
}

RaadAgendaItem *
raad_agenda_item_new (RaadStore *store)
{
  return RAAD_AGENDA_ITEM (raad_record_new (RAAD_TYPE_AGENDA_ITEM, store));
}
