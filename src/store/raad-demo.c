/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-demo.c: loads an organisation from a JSON file of documents (the example) */
#define G_LOG_DOMAIN "raad-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "raad-demo.h"
#include "raad-store-private.h"

#define DEMO_FORMAT "raadswerk-demo-1"

/* "today+45" → the date 45 days after @today; other strings are left alone. */
static void
resolve_dates (JsonObject *doc,
               GDate      *today)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  json_object_iter_init (&iter, doc);
  while (json_object_iter_next (&iter, &key, &node))
    {
      const char *value;
      gint64 days;
      char *end = NULL;
      g_autoptr(GDate) date = NULL;
      char buf[16];

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      value = json_node_get_string (node);
      if (!g_str_has_prefix (value, "today"))
        continue;
      days = value[5] == '\0' ? 0 : g_ascii_strtoll (value + 5, &end, 10);
      if (end != NULL && *end != '\0')
        continue;
      date = g_date_copy (today);
      if (days >= 0)
        g_date_add_days (date, (guint) days);
      else
        g_date_subtract_days (date, (guint) -days);
      g_date_strftime (buf, sizeof buf, "%Y-%m-%d", date);
      json_node_set_string (node, buf);
    }
}

static gboolean
inline_attachments (JsonObject  *doc,
                    const char  *base_dir,
                    GError     **error)
{
  JsonObject *atts;
  g_autoptr(GList) names = NULL;

  if (!json_object_has_member (doc, "_attachments"))
    return TRUE;
  atts = json_object_get_object_member (doc, "_attachments");
  names = atts != NULL ? json_object_get_members (atts) : NULL;
  for (GList *l = names; l; l = l->next)
    {
      JsonObject *att = json_object_get_object_member (atts, l->data);
      const char *file = att != NULL ? json_object_get_string_member_with_default (att, "file", NULL) : NULL;
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *b64 = NULL;
      gsize len = 0;

      if (file == NULL)
        continue;
      path = g_build_filename (base_dir, file, NULL);
      if (!g_file_get_contents (path, &contents, &len, error))
        return FALSE;
      b64 = g_base64_encode ((const guchar *) contents, len);
      json_object_remove_member (att, "file");
      json_object_set_string_member (att, "data", b64);
    }
  return TRUE;
}

gboolean
raad_demo_load_at (RaadStore   *store,
                   const char  *path,
                   GDate       *today,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *base_dir = g_path_get_dirname (path);
  g_autoptr(GDate) now = NULL;
  JsonObject *root;
  JsonArray *docs;

  g_return_val_if_fail (RAAD_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (today == NULL)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_now_local ();
      now = g_date_new_dmy (g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                            g_date_time_get_year (dt));
      today = now;
    }

  if (!json_parser_load_from_file (parser, path, error))
    return FALSE;
  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
         ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  if (root == NULL ||
      g_strcmp0 (json_object_get_string_member_with_default (root, "format", ""), DEMO_FORMAT) != 0 ||
      !json_object_has_member (root, "documents"))
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   _("“%s” is not a Raadswerk organisation file."), path);
      return FALSE;
    }
  docs = json_object_get_array_member (root, "documents");

  if (!raad_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (docs); i++)
    {
      JsonObject *doc = json_array_get_object_element (docs, i);
      const char *id = doc != NULL ? json_object_get_string_member_with_default (doc, "_id", NULL) : NULL;
      const char *type = doc != NULL ? json_object_get_string_member_with_default (doc, "type", NULL) : NULL;
      g_autofree char *rev = NULL;

      if (id == NULL || type == NULL)
        {
          g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                       _("Document %u of “%s” has no id or type."), i + 1, path);
          raad_store_rollback (store);
          return FALSE;
        }
      resolve_dates (doc, today);
      if (!inline_attachments (doc, base_dir, error))
        {
          raad_store_rollback (store);
          return FALSE;
        }
      rev = raad_store_put (store, id, type, NULL, doc, error);
      if (rev == NULL)
        {
          g_prefix_error (error, "%s: ", id);
          raad_store_rollback (store);
          return FALSE;
        }
    }
  return raad_store_commit (store, error);
}

gboolean
raad_demo_load (RaadStore   *store,
                const char  *path,
                GError     **error)
{
  return raad_demo_load_at (store, path, NULL, error);
}

char *
raad_demo_find_path (void)
{
  const char *env = g_getenv ("RAADSWERK_DATADIR");
  const char *candidates[] = { env, PKGDATADIR, SOURCE_DATADIR };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *path = NULL;

      if (candidates[i] == NULL)
        continue;
      path = g_build_filename (candidates[i], "demo", "organisation.json", NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return NULL;
}
