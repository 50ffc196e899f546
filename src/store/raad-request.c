/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-request.c: an advice or consent request (or unsolicited advice) as a dossier */
#define G_LOG_DOMAIN "raad-request"

#include "config.h"

#include "raad-request.h"

struct _RaadRequest
{
  RaadRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RaadRequest, raad_request, RAAD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_COUNCIL_ID,
  PROP_KIND,
  PROP_ARTICLE,
  PROP_LETTER,
  PROP_SUBJECT,
  PROP_RECEIVED,
  PROP_DEADLINE,
  PROP_ANSWER,
  PROP_ANSWERED,
  PROP_REPLY,
  PROP_REPLIED,
  PROP_STATUS,
  PROP_DECIDED_WITHOUT_CONSENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
raad_request_class_init (RaadRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RaadRecordClass *record_class = RAAD_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = _raad_record_get_field;
  object_class->set_property = _raad_record_set_field;
  record_class->type_name = "request";
  record_class->council_private = TRUE;

  properties[PROP_COUNCIL_ID] = g_param_spec_string ("council-id", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_ARTICLE] = g_param_spec_string ("article", NULL, NULL, NULL, flags);
  properties[PROP_LETTER] = g_param_spec_string ("letter", NULL, NULL, NULL, flags);
  properties[PROP_SUBJECT] = g_param_spec_string ("subject", NULL, NULL, NULL, flags);
  properties[PROP_RECEIVED] = g_param_spec_string ("received", NULL, NULL, NULL, flags);
  properties[PROP_DEADLINE] = g_param_spec_string ("deadline", NULL, NULL, NULL, flags);
  properties[PROP_ANSWER] = g_param_spec_string ("answer", NULL, NULL, NULL, flags);
  properties[PROP_ANSWERED] = g_param_spec_string ("answered", NULL, NULL, NULL, flags);
  properties[PROP_REPLY] = g_param_spec_string ("reply", NULL, NULL, NULL, flags);
  properties[PROP_REPLIED] = g_param_spec_string ("replied", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_DECIDED_WITHOUT_CONSENT] = g_param_spec_string ("decided-without-consent", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raad_request_init (RaadRequest *self)
{
}

RaadRequest *
raad_request_new (RaadStore *store)
{
  return RAAD_REQUEST (raad_record_new (RAAD_TYPE_REQUEST, store));
}
