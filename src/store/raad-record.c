/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-record.c: the base type of every typed record over a store document */

/* Design. A subclass only declares GObject properties; their values live here, in one table
 * keyed by property, so that (de)serialisation, comparison and change notification are
 * written once for every type. JSON fields no property claims are kept in `extra` and
 * written back untouched, so a document written by a newer version survives an edit here.
 * Attachments are kept as CouchDB stubs; a new one carries its data until the next save. */

#define G_LOG_DOMAIN "raad-record"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "raad-action-point.h"
#include "raad-agenda-item.h"
#include "raad-contact.h"
#include "raad-council.h"
#include "raad-meeting.h"
#include "raad-member.h"
#include "raad-organisation.h"
#include "raad-record.h"
#include "raad-request.h"
#include "raad-shared-item.h"
#include "raad-signal.h"
#include "raad-stakeholder.h"
#include "raad-store-private.h"

typedef struct
{
  RaadStore  *store;
  char       *id;
  char       *rev;
  char       *type_name;
  gboolean    deleted;
  GHashTable *fields;       /* GParamSpec → GValue */
  JsonObject *extra;        /* fields no property claims */
  JsonObject *attachments;  /* name → stub, or {content_type, data} until saved */
} RaadRecordPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (RaadRecord, raad_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ID,
  PROP_REV,
  PROP_DELETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GHashTable *registry;  /* type name → GType */

static void
free_value (gpointer data)
{
  GValue *value = data;

  g_value_unset (value);
  g_free (value);
}

static void
ensure_types (void)
{
  if (registry != NULL)
    return;
  registry = g_hash_table_new (g_str_hash, g_str_equal);
  raad_record_register_type (RAAD_TYPE_ORGANISATION);
  raad_record_register_type (RAAD_TYPE_COUNCIL);
  raad_record_register_type (RAAD_TYPE_MEMBER);
  raad_record_register_type (RAAD_TYPE_MEETING);
  raad_record_register_type (RAAD_TYPE_AGENDA_ITEM);
  raad_record_register_type (RAAD_TYPE_REQUEST);
  raad_record_register_type (RAAD_TYPE_ACTION_POINT);
  raad_record_register_type (RAAD_TYPE_SHARED_ITEM);
  raad_record_register_type (RAAD_TYPE_STAKEHOLDER);
  raad_record_register_type (RAAD_TYPE_CONTACT);
  raad_record_register_type (RAAD_TYPE_SIGNAL);
}

void
raad_record_register_type (GType type)
{
  g_autoptr(GTypeClass) klass = NULL;

  g_return_if_fail (g_type_is_a (type, RAAD_TYPE_RECORD));

  if (registry == NULL)
    ensure_types ();
  klass = g_type_class_ref (type);
  g_return_if_fail (RAAD_RECORD_CLASS (klass)->type_name != NULL);
  g_hash_table_insert (registry, (gpointer) RAAD_RECORD_CLASS (klass)->type_name,
                       GSIZE_TO_POINTER (type));
}

gboolean
raad_record_type_field_is_personal (GType       type,
                                    const char *field)
{
  g_autoptr(GTypeClass) klass = NULL;
  const char * const *personal;

  g_return_val_if_fail (g_type_is_a (type, RAAD_TYPE_RECORD), FALSE);

  klass = g_type_class_ref (type);
  personal = RAAD_RECORD_CLASS (klass)->personal_fields;
  return personal != NULL && g_strv_contains (personal, field);
}

GType
raad_record_type_from_name (const char *type_name)
{
  ensure_types ();
  if (type_name == NULL)
    return RAAD_TYPE_RECORD;
  return GPOINTER_TO_SIZE (g_hash_table_lookup (registry, type_name)) ?: RAAD_TYPE_RECORD;
}

/* Field values */

static gboolean
is_field (GParamSpec *pspec)
{
  return pspec->owner_type != RAAD_TYPE_RECORD && (pspec->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE;
}

static char *
field_json_name (GParamSpec *pspec)
{
  char *name = g_strdup (pspec->name);

  g_strdelimit (name, "-", '_');
  return name;
}

typedef struct
{
  GParamSpec *pspec;
  char       *json_name;
} Field;

/* The fields of a record class, in property order, found once per class: listing a class's
 * properties walks every property of every type (GLib 2.74), a tenth of a millisecond that
 * every record loaded and saved paid. Classes are never unloaded, so neither are these;
 * records are made in threads too (sync), hence the lock. */
static GArray *
fields_of (GObjectClass *klass)
{
  static GHashTable *by_type;
  G_LOCK_DEFINE_STATIC (fields);
  GType type = G_OBJECT_CLASS_TYPE (klass);
  GArray *fields;

  G_LOCK (fields);
  if (by_type == NULL)
    by_type = g_hash_table_new (g_direct_hash, g_direct_equal);
  fields = g_hash_table_lookup (by_type, GSIZE_TO_POINTER (type));
  if (fields == NULL)
    {
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs;

      fields = g_array_new (FALSE, FALSE, sizeof (Field));
      pspecs = g_object_class_list_properties (klass, &n_pspecs);
      for (guint i = 0; i < n_pspecs; i++)
        if (is_field (pspecs[i]))
          {
            Field field = { pspecs[i], field_json_name (pspecs[i]) };

            g_array_append_val (fields, field);
          }
      g_hash_table_insert (by_type, GSIZE_TO_POINTER (type), fields);
    }
  G_UNLOCK (fields);
  return fields;
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  guint na = a != NULL ? g_strv_length ((GStrv) a) : 0;
  guint nb = b != NULL ? g_strv_length ((GStrv) b) : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (g_strcmp0 (a[i], b[i]) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  GType type = G_VALUE_TYPE (a);

  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (type == G_TYPE_STRV)
    return strv_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (type == G_TYPE_BOOLEAN)
    return !g_value_get_boolean (a) == !g_value_get_boolean (b);
  if (type == G_TYPE_INT)
    return g_value_get_int (a) == g_value_get_int (b);
  if (type == G_TYPE_UINT)
    return g_value_get_uint (a) == g_value_get_uint (b);
  if (type == G_TYPE_INT64)
    return g_value_get_int64 (a) == g_value_get_int64 (b);
  if (type == G_TYPE_DOUBLE)
    return g_value_get_double (a) == g_value_get_double (b);
  return FALSE;
}

static const GValue *
peek_field (RaadRecord *self,
            GParamSpec *pspec)
{
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);
  const GValue *value = g_hash_table_lookup (priv->fields, pspec);

  return value != NULL ? value : g_param_spec_get_default_value (pspec);
}

/* Stores @value; TRUE when it differed. */
static gboolean
store_field (RaadRecord   *self,
             GParamSpec   *pspec,
             const GValue *value)
{
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);
  GValue *copy;

  if (values_equal (peek_field (self, pspec), value))
    return FALSE;
  copy = g_new0 (GValue, 1);
  g_value_init (copy, pspec->value_type);
  g_value_copy (value, copy);
  /* An empty string is no value: keeps bodies small and comparisons simple. */
  if (pspec->value_type == G_TYPE_STRING && g_value_get_string (copy) != NULL &&
      *g_value_get_string (copy) == '\0')
    g_value_set_string (copy, NULL);
  g_hash_table_replace (priv->fields, pspec, copy);
  return TRUE;
}

void
_raad_record_get_field (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  g_value_copy (peek_field (RAAD_RECORD (object), pspec), value);
}

void
_raad_record_set_field (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  if (store_field (RAAD_RECORD (object), pspec, value))
    g_object_notify_by_pspec (object, pspec);
}

static GParamSpec *
find_field (RaadRecord *self,
            const char *field)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), field);

  if (pspec == NULL)
    g_critical ("%s has no field “%s”", G_OBJECT_TYPE_NAME (self), field);
  return pspec;
}

const char *
raad_record_get_string (RaadRecord *self,
                        const char *field)
{
  GParamSpec *pspec;

  g_return_val_if_fail (RAAD_IS_RECORD (self), NULL);

  pspec = find_field (self, field);
  if (pspec == NULL || pspec->value_type != G_TYPE_STRING)
    return NULL;
  return g_value_get_string (peek_field (self, pspec));
}

void
raad_record_set_string (RaadRecord *self,
                        const char *field,
                        const char *value)
{
  g_return_if_fail (RAAD_IS_RECORD (self));

  g_object_set (self, field, value, NULL);
}

const char * const *
raad_record_get_strv (RaadRecord *self,
                      const char *field)
{
  static const char * const empty[] = { NULL };
  GParamSpec *pspec;
  const char * const *strv;

  g_return_val_if_fail (RAAD_IS_RECORD (self), empty);

  pspec = find_field (self, field);
  if (pspec == NULL || pspec->value_type != G_TYPE_STRV)
    return empty;
  strv = g_value_get_boxed (peek_field (self, pspec));
  return strv != NULL ? strv : empty;
}

void
raad_record_set_strv (RaadRecord         *self,
                      const char         *field,
                      const char * const *value)
{
  g_return_if_fail (RAAD_IS_RECORD (self));

  g_object_set (self, field, value, NULL);
}

/* JSON */

static JsonNode *
field_to_json (const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    {
      const char *s = g_value_get_string (value);
      return s != NULL && *s != '\0' ? json_node_init_string (json_node_alloc (), s) : NULL;
    }
  if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);
      JsonArray *array;

      if (strv == NULL || strv[0] == NULL)
        return NULL;
      array = json_array_new ();
      for (guint i = 0; strv[i]; i++)
        json_array_add_string_element (array, strv[i]);
      {
        JsonNode *node = json_node_new (JSON_NODE_ARRAY);

        json_node_take_array (node, array);
        return node;
      }
    }
  if (type == G_TYPE_BOOLEAN)
    return json_node_init_boolean (json_node_alloc (), g_value_get_boolean (value));
  if (type == G_TYPE_INT)
    return json_node_init_int (json_node_alloc (), g_value_get_int (value));
  if (type == G_TYPE_UINT)
    return json_node_init_int (json_node_alloc (), g_value_get_uint (value));
  if (type == G_TYPE_INT64)
    return json_node_init_int (json_node_alloc (), g_value_get_int64 (value));
  if (type == G_TYPE_DOUBLE)
    return json_node_init_double (json_node_alloc (), g_value_get_double (value));
  g_critical ("Records cannot store fields of type %s", g_type_name (type));
  return NULL;
}

/* Sets @value from @node; FALSE when the node does not fit the field's type. */
static gboolean
field_from_json (GValue   *value,
                 JsonNode *node)
{
  GType type = G_VALUE_TYPE (value);
  GType node_type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (type == G_TYPE_STRING && node_type == G_TYPE_STRING)
    g_value_set_string (value, json_node_get_string (node));
  else if (type == G_TYPE_STRV && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
            return FALSE;
          g_strv_builder_add (builder, json_node_get_string (item));
        }
      g_value_take_boxed (value, g_strv_builder_end (builder));
    }
  else if (type == G_TYPE_BOOLEAN && node_type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, json_node_get_boolean (node));
  else if (type == G_TYPE_INT && node_type == G_TYPE_INT64)
    g_value_set_int (value, (int) CLAMP (json_node_get_int (node), G_MININT, G_MAXINT));
  else if (type == G_TYPE_UINT && node_type == G_TYPE_INT64)
    g_value_set_uint (value, (guint) CLAMP (json_node_get_int (node), 0, G_MAXUINT));
  else if (type == G_TYPE_INT64 && node_type == G_TYPE_INT64)
    g_value_set_int64 (value, json_node_get_int (node));
  else if (type == G_TYPE_DOUBLE && (node_type == G_TYPE_DOUBLE || node_type == G_TYPE_INT64))
    g_value_set_double (value, json_node_get_double (node));
  else
    return FALSE;
  return TRUE;
}

static gboolean
is_meta_key (const char *key)
{
  return key[0] == '_' || strcmp (key, "type") == 0;
}

JsonObject *
raad_record_to_json (RaadRecord *self)
{
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);
  JsonObject *body = json_object_new ();
  GArray *fields;
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  g_return_val_if_fail (RAAD_IS_RECORD (self), NULL);

  json_object_iter_init (&iter, priv->extra);
  while (json_object_iter_next (&iter, &key, &node))
    json_object_set_member (body, key, _raad_json_node_deep_copy (node));

  fields = fields_of (G_OBJECT_GET_CLASS (self));
  for (guint i = 0; i < fields->len; i++)
    {
      const Field *field = &g_array_index (fields, Field, i);
      const char *name = field->json_name;
      JsonNode *value;

      value = field_to_json (peek_field (self, field->pspec));
      if (value != NULL)
        json_object_set_member (body, name, value);
      else if (!json_object_has_member (priv->extra, name))
        json_object_remove_member (body, name);
    }

  json_object_set_string_member (body, "type", priv->type_name);
  if (json_object_get_size (priv->attachments) > 0)
    json_object_set_object_member (body, "_attachments",
                                   _raad_json_object_deep_copy (priv->attachments));
  return body;
}

void
raad_record_set_from_json (RaadRecord *self,
                           JsonObject *body)
{
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);
  g_autoptr(GHashTable) claimed = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *fields;
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  g_return_if_fail (RAAD_IS_RECORD (self));
  g_return_if_fail (body != NULL);

  g_object_freeze_notify (G_OBJECT (self));

  fields = fields_of (G_OBJECT_GET_CLASS (self));
  for (guint i = 0; i < fields->len; i++)
    {
      const Field *field = &g_array_index (fields, Field, i);
      GParamSpec *pspec = field->pspec;
      const char *name = field->json_name;
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_param_value_set_default (pspec, &value);
      node = json_object_has_member (body, name) ? json_object_get_member (body, name) : NULL;
      if (node != NULL && !field_from_json (&value, node))
        {
          /* Of another shape than this version expects: keep it as it is. */
          g_param_value_set_default (pspec, &value);
          g_debug ("%s: field %s kept untouched", priv->id, name);
        }
      else
        g_hash_table_add (claimed, (gpointer) name);
      if (store_field (self, pspec, &value))
        g_object_notify_by_pspec (G_OBJECT (self), pspec);
    }

  g_clear_pointer (&priv->extra, json_object_unref);
  priv->extra = json_object_new ();
  json_object_iter_init (&iter, body);
  while (json_object_iter_next (&iter, &key, &node))
    if (!is_meta_key (key) && !g_hash_table_contains (claimed, key))
      json_object_set_member (priv->extra, key, _raad_json_node_deep_copy (node));

  g_clear_pointer (&priv->attachments, json_object_unref);
  if (json_object_has_member (body, "_attachments") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (body, "_attachments")))
    priv->attachments = _raad_json_object_deep_copy (json_object_get_object_member (body,
                                                                                     "_attachments"));
  else
    priv->attachments = json_object_new ();

  if (json_object_has_member (body, "type") && priv->type_name == NULL)
    priv->type_name = g_strdup (json_object_get_string_member (body, "type"));

  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_rev (RaadRecord *self,
         const char *rev)
{
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);

  if (g_strcmp0 (priv->rev, rev) == 0)
    return;
  g_free (priv->rev);
  priv->rev = g_strdup (rev);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REV]);
}

static void
set_deleted (RaadRecord *self,
             gboolean    deleted)
{
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);

  deleted = !!deleted;
  if (priv->deleted == deleted)
    return;
  priv->deleted = deleted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETED]);
}

void
_raad_record_refresh (RaadRecord *self,
                      JsonObject *body)
{
  gboolean deleted = json_object_get_boolean_member_with_default (body, "_deleted", FALSE);

  g_object_freeze_notify (G_OBJECT (self));
  /* A tombstone has no fields: keep the last ones, so that undo can write them back. */
  if (!deleted)
    raad_record_set_from_json (self, body);
  set_rev (self, json_object_get_string_member_with_default (body, "_rev", NULL));
  set_deleted (self, deleted);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Object */

static void
raad_record_finalize (GObject *object)
{
  RaadRecord *self = (RaadRecord *) object;
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);

  g_clear_pointer (&priv->fields, g_hash_table_unref);
  g_clear_pointer (&priv->extra, json_object_unref);
  g_clear_pointer (&priv->attachments, json_object_unref);
  g_clear_object (&priv->store);
  g_free (priv->id);
  g_free (priv->rev);
  g_free (priv->type_name);

  G_OBJECT_CLASS (raad_record_parent_class)->finalize (object);
}

static void
raad_record_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RaadRecord *self = RAAD_RECORD (object);
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;
    case PROP_REV:
      g_value_set_string (value, priv->rev);
      break;
    case PROP_DELETED:
      g_value_set_boolean (value, priv->deleted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_record_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RaadRecord *self = RAAD_RECORD (object);
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    case PROP_ID:
      priv->id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_record_constructed (GObject *object)
{
  RaadRecord *self = RAAD_RECORD (object);
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);

  G_OBJECT_CLASS (raad_record_parent_class)->constructed (object);

  /* Only now is the class the final one (during init it is each ancestor in turn). */
  if (priv->type_name == NULL)
    priv->type_name = g_strdup (RAAD_RECORD_GET_CLASS (self)->type_name);
}

static void
raad_record_class_init (RaadRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = raad_record_constructed;
  object_class->finalize = raad_record_finalize;
  object_class->get_property = raad_record_get_property;
  object_class->set_property = raad_record_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAAD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REV] =
    g_param_spec_string ("rev", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELETED] =
    g_param_spec_boolean ("deleted", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raad_record_init (RaadRecord *self)
{
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);

  priv->fields = g_hash_table_new_full (NULL, NULL, NULL, free_value);
  priv->extra = json_object_new ();
  priv->attachments = json_object_new ();
}

/* Public API */

RaadRecord *
raad_record_new (GType      type,
                 RaadStore *store)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (g_type_is_a (type, RAAD_TYPE_RECORD), NULL);
  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);

  klass = g_type_class_ref (type);
  id = g_strdup_printf ("%s-%s", RAAD_RECORD_CLASS (klass)->type_name, uuid);
  return g_object_new (type, "store", store, "id", id, NULL);
}

RaadRecord *
raad_record_new_from_json (RaadStore  *store,
                           JsonObject *body)
{
  const char *type_name = json_object_get_string_member_with_default (body, "type", NULL);
  const char *id = json_object_get_string_member_with_default (body, "_id", NULL);
  GType type = raad_record_type_from_name (type_name);
  RaadRecord *self;
  RaadRecordPrivate *priv;

  self = g_object_new (type, "store", store, "id", id, NULL);
  priv = raad_record_get_instance_private (self);
  if (priv->type_name == NULL)
    priv->type_name = g_strdup (type_name);
  raad_record_set_from_json (self, body);
  priv->rev = g_strdup (json_object_get_string_member_with_default (body, "_rev", NULL));
  priv->deleted = json_object_get_boolean_member_with_default (body, "_deleted", FALSE);
  return self;
}

RaadRecord *
raad_record_load (RaadStore   *store,
                  const char  *id,
                  GError     **error)
{
  g_autoptr(JsonObject) body = NULL;
  RaadRecord *self;

  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  self = _raad_store_lookup_record (store, id);
  if (self != NULL)
    return g_object_ref (self);

  body = raad_store_get (store, id, error);
  if (body == NULL)
    return NULL;
  self = raad_record_new_from_json (store, body);
  _raad_store_add_record (store, self);
  return self;
}

RaadStore *
raad_record_get_store (RaadRecord *self)
{
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);

  g_return_val_if_fail (RAAD_IS_RECORD (self), NULL);
  return priv->store;
}

const char *
raad_record_get_id (RaadRecord *self)
{
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);

  g_return_val_if_fail (RAAD_IS_RECORD (self), NULL);
  return priv->id;
}

const char *
raad_record_get_rev (RaadRecord *self)
{
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);

  g_return_val_if_fail (RAAD_IS_RECORD (self), NULL);
  return priv->rev;
}

const char *
raad_record_get_type_name (RaadRecord *self)
{
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);

  g_return_val_if_fail (RAAD_IS_RECORD (self), NULL);
  return priv->type_name;
}

gboolean
raad_record_get_deleted (RaadRecord *self)
{
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);

  g_return_val_if_fail (RAAD_IS_RECORD (self), FALSE);
  return priv->deleted;
}

gboolean
raad_record_is_saved (RaadRecord *self)
{
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);

  g_return_val_if_fail (RAAD_IS_RECORD (self), FALSE);
  return priv->rev != NULL;
}

gboolean
raad_record_save (RaadRecord  *self,
                  GError     **error)
{
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *rev = NULL;
  gboolean added = FALSE;

  g_return_val_if_fail (RAAD_IS_RECORD (self), FALSE);

  /* In the identity map before the change signal, so that lists find this very object. */
  if (_raad_store_lookup_record (priv->store, priv->id) == NULL)
    {
      _raad_store_add_record (priv->store, self);
      added = TRUE;
    }

  body = raad_record_to_json (self);
  if (RAAD_RECORD_GET_CLASS (self)->council_private)
    json_object_set_string_member (body, "scope", "council");
  rev = raad_store_put (priv->store, priv->id, priv->type_name,
                        priv->deleted ? NULL : priv->rev, body, error);
  if (rev == NULL)
    {
      if (added)
        _raad_store_remove_record (priv->store, self);
      return FALSE;
    }
  /* Inside a caller's transaction the store refreshes mapped objects only after the commit:
   * the next save in the same transaction must build on this revision. */
  if (g_strcmp0 (priv->rev, rev) != 0)
    {
      g_free (priv->rev);
      priv->rev = g_strdup (rev);
      priv->deleted = FALSE;
    }
  /* The store refreshed a mapped object already; one that is not mapped catches up here. */
  if (_raad_store_lookup_record (priv->store, priv->id) != self)
    {
      g_autoptr(JsonObject) stored = raad_store_get (priv->store, priv->id, NULL);
      if (stored != NULL)
        _raad_record_refresh (self, stored);
    }
  return TRUE;
}

gboolean
raad_record_delete (RaadRecord  *self,
                    GError     **error)
{
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);
  g_autofree char *rev = NULL;

  g_return_val_if_fail (RAAD_IS_RECORD (self), FALSE);

  if (priv->rev == NULL || priv->deleted)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not saved, so it cannot be deleted"), priv->id);
      return FALSE;
    }
  if (_raad_store_lookup_record (priv->store, priv->id) == NULL)
    _raad_store_add_record (priv->store, self);
  rev = raad_store_delete (priv->store, priv->id, priv->rev, error);
  return rev != NULL;
}

gboolean
raad_record_undelete (RaadRecord  *self,
                      GError     **error)
{
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);

  g_return_val_if_fail (RAAD_IS_RECORD (self), FALSE);

  if (!priv->deleted)
    return TRUE;
  /* raad_record_save writes the kept fields again on top of the tombstone. */
  return raad_record_save (self, error);
}

static gboolean
change_all (GPtrArray  *records,
            gboolean  (*change) (RaadRecord *, GError **),
            GError    **error)
{
  RaadStore *store;

  g_return_val_if_fail (records != NULL, FALSE);

  if (records->len == 0)
    return TRUE;
  store = raad_record_get_store (records->pdata[0]);
  if (!raad_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    if (!change (records->pdata[i], error))
      {
        raad_store_rollback (store);
        return FALSE;
      }
  return raad_store_commit (store, error);
}

gboolean
raad_record_delete_all (GPtrArray  *records,
                        GError    **error)
{
  return change_all (records, raad_record_delete, error);
}

gboolean
raad_record_undelete_all (GPtrArray  *records,
                          GError    **error)
{
  return change_all (records, raad_record_undelete, error);
}

void
raad_record_set_attachment (RaadRecord *self,
                            const char *name,
                            const char *content_type,
                            GBytes     *data)
{
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);
  JsonObject *att;
  g_autofree char *b64 = NULL;

  g_return_if_fail (RAAD_IS_RECORD (self));
  g_return_if_fail (name != NULL && data != NULL);

  b64 = g_base64_encode (g_bytes_get_data (data, NULL), g_bytes_get_size (data));
  att = json_object_new ();
  json_object_set_string_member (att, "content_type",
                                 content_type != NULL ? content_type : "application/octet-stream");
  json_object_set_string_member (att, "data", b64);
  json_object_set_object_member (priv->attachments, name, att);
}

void
raad_record_remove_attachment (RaadRecord *self,
                               const char *name)
{
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);

  g_return_if_fail (RAAD_IS_RECORD (self));

  if (json_object_has_member (priv->attachments, name))
    json_object_remove_member (priv->attachments, name);
}

gboolean
raad_record_has_attachment (RaadRecord *self,
                            const char *name)
{
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);

  g_return_val_if_fail (RAAD_IS_RECORD (self), FALSE);
  return json_object_has_member (priv->attachments, name);
}

const char *
raad_record_get_attachment_digest (RaadRecord *self,
                                   const char *name)
{
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);
  JsonObject *att;

  g_return_val_if_fail (RAAD_IS_RECORD (self), NULL);

  if (!json_object_has_member (priv->attachments, name))
    return NULL;
  att = json_object_get_object_member (priv->attachments, name);
  return att != NULL ? json_object_get_string_member_with_default (att, "digest", NULL) : NULL;
}

GStrv
raad_record_list_attachments (RaadRecord *self)
{
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);
  g_autoptr(GList) names = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (RAAD_IS_RECORD (self), NULL);

  names = g_list_sort (json_object_get_members (priv->attachments), (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    g_strv_builder_add (builder, l->data);
  return g_strv_builder_end (builder);
}

gint64
raad_record_get_attachment_size (RaadRecord *self,
                                 const char *name)
{
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);
  JsonObject *att;

  g_return_val_if_fail (RAAD_IS_RECORD (self), -1);

  att = json_object_has_member (priv->attachments, name)
        ? json_object_get_object_member (priv->attachments, name) : NULL;
  return att != NULL ? json_object_get_int_member_with_default (att, "length", -1) : -1;
}

GBytes *
raad_record_get_attachment (RaadRecord  *self,
                            const char  *name,
                            char       **content_type,
                            GError     **error)
{
  RaadRecordPrivate *priv = raad_record_get_instance_private (self);
  JsonObject *att;

  g_return_val_if_fail (RAAD_IS_RECORD (self), NULL);

  att = json_object_has_member (priv->attachments, name)
        ? json_object_get_object_member (priv->attachments, name) : NULL;
  if (att == NULL)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_NOT_FOUND,
                   "“%s” has no attachment “%s”", priv->id, name);
      return NULL;
    }
  if (content_type != NULL)
    *content_type = g_strdup (json_object_get_string_member_with_default (att, "content_type",
                                                                          NULL));
  if (json_object_has_member (att, "data"))
    {
      gsize len = 0;
      guchar *raw = g_base64_decode (json_object_get_string_member (att, "data"), &len);
      return g_bytes_new_take (raw, len);
    }
  return raad_store_get_blob (priv->store,
                              json_object_get_string_member_with_default (att, "digest", ""),
                              error);
}
