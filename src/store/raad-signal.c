/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-signal.c: a signal from the constituency (achterban), followed to the agenda and back */
#define G_LOG_DOMAIN "raad-signal"

#include "config.h"

#include "raad-signal.h"

struct _RaadSignal
{
  RaadRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RaadSignal, raad_signal, RAAD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_COUNCIL_ID,
  PROP_RECEIVED,
  PROP_SOURCE,
  PROP_LOCATION,
  PROP_THEME,
  PROP_TEXT,
  PROP_RAISED_BY_KIND,
  PROP_RAISED_BY,
  PROP_FEEDBACK_OWED,
  PROP_FEEDBACK_DUE,
  PROP_STATUS,
  PROP_MEETING_ID,
  PROP_AGENDA_ITEM_ID,
  PROP_HANDLED,
  PROP_OUTCOME,
  PROP_FEEDBACK_GIVEN,
  PROP_FEEDBACK_HOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
raad_signal_class_init (RaadSignalClass *klass)
{
  static const char * const personal[] = { "text", "raised_by", NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RaadRecordClass *record_class = RAAD_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = _raad_record_get_field;
  object_class->set_property = _raad_record_set_field;
  record_class->type_name = "signal";
  record_class->council_private = TRUE;
  record_class->personal_fields = personal;

  properties[PROP_COUNCIL_ID] = g_param_spec_string ("council-id", NULL, NULL, NULL, flags);
  properties[PROP_RECEIVED] = g_param_spec_string ("received", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_LOCATION] = g_param_spec_string ("location", NULL, NULL, NULL, flags);
  properties[PROP_THEME] = g_param_spec_string ("theme", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_RAISED_BY_KIND] = g_param_spec_string ("raised-by-kind", NULL, NULL, NULL, flags);
  properties[PROP_RAISED_BY] = g_param_spec_string ("raised-by", NULL, NULL, NULL, flags);
  properties[PROP_FEEDBACK_OWED] = g_param_spec_boolean ("feedback-owed", NULL, NULL, FALSE, flags);
  properties[PROP_FEEDBACK_DUE] = g_param_spec_string ("feedback-due", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_MEETING_ID] = g_param_spec_string ("meeting-id", NULL, NULL, NULL, flags);
  properties[PROP_AGENDA_ITEM_ID] = g_param_spec_string ("agenda-item-id", NULL, NULL, NULL, flags);
  properties[PROP_HANDLED] = g_param_spec_string ("handled", NULL, NULL, NULL, flags);
  properties[PROP_OUTCOME] = g_param_spec_string ("outcome", NULL, NULL, NULL, flags);
  properties[PROP_FEEDBACK_GIVEN] = g_param_spec_string ("feedback-given", NULL, NULL, NULL, flags);
  properties[PROP_FEEDBACK_HOW] = g_param_spec_string ("feedback-how", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raad_signal_init (RaadSignal *self)
{
}

RaadSignal *
raad_signal_new (RaadStore *store)
{
  return RAAD_SIGNAL (raad_record_new (RAAD_TYPE_SIGNAL, store));
}
