/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-meeting.c: a council meeting: when, where, who joins */
#define G_LOG_DOMAIN "raad-meeting"

#include "config.h"

#include "raad-meeting.h"

struct _RaadMeeting
{
  RaadRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RaadMeeting, raad_meeting, RAAD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_COUNCIL_ID,
  PROP_TITLE,
  PROP_DATE,
  PROP_START_TIME,
  PROP_END_TIME,
  PROP_PLACE,
  PROP_ONLINE_LINK,
  PROP_GUESTS,
  PROP_STATUS,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
raad_meeting_class_init (RaadMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RaadRecordClass *record_class = RAAD_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = _raad_record_get_field;
  object_class->set_property = _raad_record_set_field;
  record_class->type_name = "meeting";
  record_class->council_private = TRUE;

  properties[PROP_COUNCIL_ID] = g_param_spec_string ("council-id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_START_TIME] = g_param_spec_string ("start-time", NULL, NULL, NULL, flags);
  properties[PROP_END_TIME] = g_param_spec_string ("end-time", NULL, NULL, NULL, flags);
  properties[PROP_PLACE] = g_param_spec_string ("place", NULL, NULL, NULL, flags);
  properties[PROP_ONLINE_LINK] = g_param_spec_string ("online-link", NULL, NULL, NULL, flags);
  properties[PROP_GUESTS] = g_param_spec_boxed ("guests", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raad_meeting_init (RaadMeeting *self)
{
}

RaadMeeting *
raad_meeting_new (RaadStore *store)
{
  return RAAD_MEETING (raad_record_new (RAAD_TYPE_MEETING, store));
}
