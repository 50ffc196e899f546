/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-section-list.c: records grouped into sections (members per council) from one query */

/* Design. GTK 4.8 lists have no sections, so the face-book is a list of sections, each with
 * its own list of cards. Asking SQLite once per section made a search keystroke cost one
 * query per visible council; here one query returns every matching item with its group
 * field (and group array, for linking pins), items are put into buckets in C in the query's
 * order, and each section's RaadRecordList gets its new ids with one exact items-changed.
 * Sections are kept per group id, so a row keeps its widgets while its items change. */

#define G_LOG_DOMAIN "raad-section-list"

#include "config.h"

#include <sqlite3.h>

#include "raad-section-list.h"
#include "raad-store-private.h"

struct _RaadSection
{
  GObject         parent_instance;

  RaadRecord     *record;
  RaadRecordList *items;
};

G_DEFINE_FINAL_TYPE (RaadSection, raad_section, G_TYPE_OBJECT)

struct _RaadSectionList
{
  GObject     parent_instance;

  RaadStore  *store;
  RaadQuery  *group_query;
  RaadQuery  *item_query;
  char       *group_field;
  char       *group_array_field;
  gboolean    show_empty;
  guint       n_total;

  GPtrArray  *sections;      /* RaadSection, in the group query's order */
  GHashTable *by_group;      /* group id → RaadSection (kept while it is listed) */
  gulong      changed_handler;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RaadSectionList, raad_section_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Section */

static void
raad_section_finalize (GObject *object)
{
  RaadSection *self = (RaadSection *) object;

  g_clear_object (&self->record);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (raad_section_parent_class)->finalize (object);
}

static void
raad_section_class_init (RaadSectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = raad_section_finalize;
}

static void
raad_section_init (RaadSection *self)
{
}

RaadRecord *
raad_section_get_record (RaadSection *self)
{
  g_return_val_if_fail (RAAD_IS_SECTION (self), NULL);
  return self->record;
}

GListModel *
raad_section_get_items (RaadSection *self)
{
  g_return_val_if_fail (RAAD_IS_SECTION (self), NULL);
  return G_LIST_MODEL (self->items);
}

guint
raad_section_get_n_items (RaadSection *self)
{
  g_return_val_if_fail (RAAD_IS_SECTION (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

/* Queries */

static void
add_to_bucket (GHashTable *buckets,
               const char *group,
               const char *id)
{
  GPtrArray *bucket = g_hash_table_lookup (buckets, group);

  if (bucket == NULL)
    {
      bucket = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (buckets, g_strdup (group), bucket);
    }
  g_ptr_array_add (bucket, g_strdup (id));
}

/* The group array column holds JSON text such as ["council-a","council-b"]. */
static void
add_array_to_buckets (GHashTable *buckets,
                      const char *json,
                      const char *id,
                      const char *own_group)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return;
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *group = json_array_get_string_element (array, i);

      if (group != NULL && g_strcmp0 (group, own_group) != 0)
        add_to_bucket (buckets, group, id);
    }
}

static GHashTable *
run_items (RaadSectionList *self,
           guint           *n_total)
{
  sqlite3 *db = _raad_store_get_db (self->store);
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  const char *extra[] = { self->group_field, self->group_array_field, NULL };
  g_autofree char *sql = _raad_query_to_sql_with (self->item_query, extra, params);
  GHashTable *buckets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);
  sqlite3_stmt *stmt = NULL;

  *n_total = 0;
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_warning ("Query failed: %s", sqlite3_errmsg (db));
      return buckets;
    }
  for (guint i = 0; i < params->len; i++)
    sqlite3_bind_text (stmt, i + 1, g_ptr_array_index (params, i), -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      const char *group = (const char *) sqlite3_column_text (stmt, 1);

      if (group != NULL)
        add_to_bucket (buckets, group, id);
      if (self->group_array_field != NULL && sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        add_array_to_buckets (buckets, (const char *) sqlite3_column_text (stmt, 2), id, group);
    }
  sqlite3_finalize (stmt);

  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, buckets);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      *n_total += ((GPtrArray *) value)->len;
  }
  return buckets;
}

static RaadSection *
ensure_section (RaadSectionList *self,
                const char      *group_id)
{
  RaadSection *section = g_hash_table_lookup (self->by_group, group_id);
  g_autoptr(RaadRecord) record = NULL;

  if (section != NULL)
    return g_object_ref (section);
  record = raad_record_load (self->store, group_id, NULL);
  if (record == NULL)
    return NULL;
  section = g_object_new (RAAD_TYPE_SECTION, NULL);
  section->record = g_steal_pointer (&record);
  section->items = _raad_record_list_new_for_ids (self->store,
                                                  raad_query_get_doc_type (self->item_query));
  g_hash_table_insert (self->by_group, g_strdup (group_id), g_object_ref (section));
  return section;
}

static void
refresh (RaadSectionList *self)
{
  g_autoptr(GPtrArray) group_ids = _raad_query_run_ids (self->group_query, self->store);
  g_autoptr(GHashTable) buckets = NULL;
  g_autoptr(GPtrArray) old = self->sections;
  g_autoptr(GPtrArray) empty = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *sections = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_total = 0;
  guint head = 0, tail = 0;

  buckets = run_items (self, &n_total);

  for (guint i = 0; i < group_ids->len; i++)
    {
      const char *group_id = g_ptr_array_index (group_ids, i);
      GPtrArray *bucket = g_hash_table_lookup (buckets, group_id);
      RaadSection *section;

      if (bucket == NULL && !self->show_empty)
        continue;
      section = ensure_section (self, group_id);
      if (section == NULL)
        continue;
      _raad_record_list_set_ids (section->items, bucket != NULL ? bucket : empty);
      g_ptr_array_add (sections, section);
    }

  /* Forget sections no longer listed, so they do not hold their records. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, self->by_group);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      if (!g_ptr_array_find (sections, value, NULL))
        g_hash_table_iter_remove (&iter);
  }

  self->sections = sections;
  while (old != NULL && head < old->len && head < sections->len &&
         g_ptr_array_index (old, head) == g_ptr_array_index (sections, head))
    head++;
  while (old != NULL && tail < old->len - head && tail < sections->len - head &&
         g_ptr_array_index (old, old->len - 1 - tail) ==
         g_ptr_array_index (sections, sections->len - 1 - tail))
    tail++;
  if (old == NULL || head != old->len || head != sections->len)
    g_list_model_items_changed (G_LIST_MODEL (self), head,
                                (old != NULL ? old->len : 0) - head - tail,
                                sections->len - head - tail);
  if (n_total != self->n_total)
    {
      self->n_total = n_total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
    }
}

static void
on_store_changed (RaadStore       *store,
                  GStrv            types,
                  GStrv            ids,
                  RaadSectionList *self)
{
  for (guint i = 0; types[i]; i++)
    {
      if (_raad_query_depends_on (self->group_query, types[i]) ||
          _raad_query_depends_on (self->item_query, types[i]))
        {
          refresh (self);
          return;
        }
    }
}

/* GListModel */

static GType
get_item_type (GListModel *model)
{
  return RAAD_TYPE_SECTION;
}

static guint
get_n_items (GListModel *model)
{
  return RAAD_SECTION_LIST (model)->sections->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  RaadSectionList *self = RAAD_SECTION_LIST (model);

  if (position >= self->sections->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->sections, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* Object */

static void
raad_section_list_dispose (GObject *object)
{
  RaadSectionList *self = (RaadSectionList *) object;

  g_clear_signal_handler (&self->changed_handler, self->store);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->by_group, g_hash_table_unref);

  G_OBJECT_CLASS (raad_section_list_parent_class)->dispose (object);
}

static void
raad_section_list_finalize (GObject *object)
{
  RaadSectionList *self = (RaadSectionList *) object;

  g_clear_pointer (&self->group_query, raad_query_unref);
  g_clear_pointer (&self->item_query, raad_query_unref);
  g_clear_object (&self->store);
  g_free (self->group_field);
  g_free (self->group_array_field);

  G_OBJECT_CLASS (raad_section_list_parent_class)->finalize (object);
}

static void
raad_section_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RaadSectionList *self = RAAD_SECTION_LIST (object);

  switch (prop_id)
    {
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_section_list_class_init (RaadSectionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = raad_section_list_dispose;
  object_class->finalize = raad_section_list_finalize;
  object_class->get_property = raad_section_list_get_property;

  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raad_section_list_init (RaadSectionList *self)
{
  self->show_empty = TRUE;
  self->by_group = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

RaadSectionList *
raad_section_list_new (RaadStore  *store,
                       RaadQuery  *group_query,
                       RaadQuery  *item_query,
                       const char *group_field,
                       const char *group_array_field)
{
  RaadSectionList *self;

  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);
  g_return_val_if_fail (group_query != NULL && item_query != NULL, NULL);
  g_return_val_if_fail (group_field != NULL, NULL);

  self = g_object_new (RAAD_TYPE_SECTION_LIST, NULL);
  self->store = g_object_ref (store);
  self->group_query = raad_query_ref (group_query);
  self->item_query = raad_query_ref (item_query);
  self->group_field = g_strdup (group_field);
  self->group_array_field = g_strdup (group_array_field);
  refresh (self);
  self->changed_handler = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed),
                                            self);
  return self;
}

void
raad_section_list_set_item_query (RaadSectionList *self,
                                  RaadQuery       *item_query)
{
  g_return_if_fail (RAAD_IS_SECTION_LIST (self));
  g_return_if_fail (item_query != NULL);

  if (self->item_query == item_query)
    return;
  g_clear_pointer (&self->item_query, raad_query_unref);
  self->item_query = raad_query_ref (item_query);
  refresh (self);
}

RaadQuery *
raad_section_list_get_item_query (RaadSectionList *self)
{
  g_return_val_if_fail (RAAD_IS_SECTION_LIST (self), NULL);
  return self->item_query;
}

void
raad_section_list_set_show_empty (RaadSectionList *self,
                                  gboolean         show_empty)
{
  g_return_if_fail (RAAD_IS_SECTION_LIST (self));

  show_empty = !!show_empty;
  if (self->show_empty == show_empty)
    return;
  self->show_empty = show_empty;
  refresh (self);
}

guint
raad_section_list_get_n_total (RaadSectionList *self)
{
  g_return_val_if_fail (RAAD_IS_SECTION_LIST (self), 0);
  return self->n_total;
}

guint
raad_section_list_find (RaadSectionList *self,
                        const char      *group_id)
{
  g_return_val_if_fail (RAAD_IS_SECTION_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->sections->len; i++)
    {
      RaadSection *section = g_ptr_array_index (self->sections, i);

      if (g_strcmp0 (raad_record_get_id (section->record), group_id) == 0)
        return i;
    }
  return G_MAXUINT;
}
