/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-council.c: a client council (cliëntenraad), central (CCR) or local */
#define G_LOG_DOMAIN "raad-council"

#include "config.h"

#include <glib/gi18n.h>

#include "raad-council.h"

struct _RaadCouncil
{
  RaadRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RaadCouncil, raad_council, RAAD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_LOCATION,
  PROP_PARENT_ID,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
raad_council_class_init (RaadCouncilClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RaadRecordClass *record_class = RAAD_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = _raad_record_get_field;
  object_class->set_property = _raad_record_set_field;
  record_class->type_name = "council";

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, RAAD_COUNCIL_LOCAL, flags);
  properties[PROP_LOCATION] = g_param_spec_string ("location", NULL, NULL, NULL, flags);
  properties[PROP_PARENT_ID] = g_param_spec_string ("parent-id", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raad_council_init (RaadCouncil *self)
{
}

RaadCouncil *
raad_council_new (RaadStore *store)
{
  return RAAD_COUNCIL (raad_record_new (RAAD_TYPE_COUNCIL, store));
}

#define STRING_FIELD(getter, setter, field)                                   \
  const char *getter (RaadCouncil *self)                                      \
  {                                                                           \
    g_return_val_if_fail (RAAD_IS_COUNCIL (self), NULL);                      \
    return raad_record_get_string (RAAD_RECORD (self), field);                \
  }                                                                           \
  void setter (RaadCouncil *self, const char *value)                          \
  {                                                                           \
    g_return_if_fail (RAAD_IS_COUNCIL (self));                                \
    raad_record_set_string (RAAD_RECORD (self), field, value);                \
  }

STRING_FIELD (raad_council_get_name, raad_council_set_name, "name")
STRING_FIELD (raad_council_get_kind, raad_council_set_kind, "kind")
STRING_FIELD (raad_council_get_location, raad_council_set_location, "location")
STRING_FIELD (raad_council_get_parent_id, raad_council_set_parent_id, "parent-id")
STRING_FIELD (raad_council_get_description, raad_council_set_description, "description")

gboolean
raad_council_is_central (RaadCouncil *self)
{
  return g_strcmp0 (raad_council_get_kind (self), RAAD_COUNCIL_CENTRAL) == 0;
}

gboolean
raad_council_validate (RaadCouncil  *self,
                       GError      **error)
{
  const char *name = raad_council_get_name (self);
  const char *kind = raad_council_get_kind (self);
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (*stripped == '\0')
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   _("A council needs a name."));
      return FALSE;
    }
  if (g_strcmp0 (kind, RAAD_COUNCIL_CENTRAL) != 0 && g_strcmp0 (kind, RAAD_COUNCIL_LOCAL) != 0)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   _("A council is either central or local."));
      return FALSE;
    }
  if (g_strcmp0 (raad_council_get_parent_id (self), raad_record_get_id (RAAD_RECORD (self))) == 0)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   _("A council cannot be its own central council."));
      return FALSE;
    }
  return TRUE;
}
