/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-record-list.c: a lazy GListModel of records over a query */

/* Design. The list holds only the ordered ids one SQL query returns; get_item builds the
 * record on demand through the store's identity map (so the same id is the same object, and
 * that object follows its document), and a small ring keeps the last records handed out
 * alive. After each store commit that touched a type the query depends on, the ids are read
 * again and one items-changed covers the part between the common head and tail: a record
 * edited in place needs no items-changed at all, its object notifies by itself.
 *
 * A list owned by a RaadSectionList may also start counted but not read: it knows how many
 * items it has and reads their ids the first time one is asked for (start-up reads only the
 * sections in view). */

#define G_LOG_DOMAIN "raad-record-list"

#include "config.h"

#include <sqlite3.h>

#include "raad-record-list.h"
#include "raad-store-private.h"

#define CACHE_SIZE 16

struct _RaadRecordList
{
  GObject     parent_instance;

  RaadStore  *store;
  RaadQuery  *query;          /* NULL when the ids are set from outside */
  char       *type;
  GPtrArray  *ids;                 /* NULL while only counted */
  guint       lazy_n;
  RaadRecordListLoader loader;
  gpointer    loader_data;
  GDestroyNotify loader_destroy;
  GHashTable *positions;           /* id → position + 1, built when first asked */
  RaadRecord *cache[CACHE_SIZE];
  guint       cache_next;
  gulong      changed_handler;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RaadRecordList, raad_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_QUERY,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GPtrArray *
read_ids (RaadRecordList *self)
{
  return _raad_query_run_ids (self->query, self->store);
}

static void
clear_loader (RaadRecordList *self)
{
  if (self->loader_destroy != NULL)
    self->loader_destroy (self->loader_data);
  self->loader = NULL;
  self->loader_data = NULL;
  self->loader_destroy = NULL;
}

/* A counted list reads its ids now; they must be as many as counted. */
static void
ensure_ids (RaadRecordList *self)
{
  if (self->ids != NULL)
    return;
  self->ids = self->loader != NULL ? self->loader (self->loader_data) : NULL;
  if (self->ids == NULL)
    self->ids = g_ptr_array_new_with_free_func (g_free);
  clear_loader (self);
  if (self->ids->len != self->lazy_n)
    {
      g_warning ("Counted %u items but read %u", self->lazy_n, self->ids->len);
      while (self->ids->len < self->lazy_n)
        g_ptr_array_add (self->ids, g_strdup (""));
      g_ptr_array_set_size (self->ids, self->lazy_n);
    }
}

static guint
count_ids (RaadRecordList *self)
{
  return self->ids != NULL ? self->ids->len : self->lazy_n;
}

/* Replaces the ids and emits one items-changed for what lies between the common ends. */
static void
replace_ids (RaadRecordList *self,
             GPtrArray      *new_ids)
{
  g_autoptr(GPtrArray) old_ids = self->ids;
  guint old_n = count_ids (self);
  guint new_n = new_ids->len;
  guint head = 0, tail = 0;

  /* Counted only: nothing is known to be the same. */
  if (old_ids == NULL)
    {
      clear_loader (self);
      self->ids = new_ids;
      g_clear_pointer (&self->positions, g_hash_table_unref);
      if (old_n > 0 || new_n > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
      if (old_n != new_n)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
      return;
    }

  while (head < old_n && head < new_n &&
         g_str_equal (g_ptr_array_index (old_ids, head), g_ptr_array_index (new_ids, head)))
    head++;
  while (tail < old_n - head && tail < new_n - head &&
         g_str_equal (g_ptr_array_index (old_ids, old_n - 1 - tail),
                      g_ptr_array_index (new_ids, new_n - 1 - tail)))
    tail++;

  self->ids = new_ids;
  g_clear_pointer (&self->positions, g_hash_table_unref);
  if (head == old_n && head == new_n)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), head, old_n - head - tail,
                              new_n - head - tail);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
reload (RaadRecordList *self)
{
  if (self->query != NULL)
    replace_ids (self, read_ids (self));
}

static void
on_store_changed (RaadStore      *store,
                  GStrv           types,
                  GStrv           ids,
                  RaadRecordList *self)
{
  for (guint i = 0; types[i]; i++)
    {
      if (_raad_query_depends_on (self->query, types[i]))
        {
          reload (self);
          return;
        }
    }
}

/* GListModel */

static GType
get_item_type (GListModel *model)
{
  RaadRecordList *self = RAAD_RECORD_LIST (model);

  return raad_record_type_from_name (self->type);
}

static guint
get_n_items (GListModel *model)
{
  return count_ids (RAAD_RECORD_LIST (model));
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  RaadRecordList *self = RAAD_RECORD_LIST (model);
  g_autoptr(GError) error = NULL;
  RaadRecord *record;

  if (position >= count_ids (self))
    return NULL;
  ensure_ids (self);
  record = raad_record_load (self->store, g_ptr_array_index (self->ids, position), &error);
  if (record == NULL)
    {
      g_warning ("Cannot load %s: %s", (char *) g_ptr_array_index (self->ids, position),
                 error->message);
      return NULL;
    }
  g_set_object (&self->cache[self->cache_next], record);
  self->cache_next = (self->cache_next + 1) % CACHE_SIZE;
  return record;
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
raad_record_list_dispose (GObject *object)
{
  RaadRecordList *self = (RaadRecordList *) object;

  g_clear_signal_handler (&self->changed_handler, self->store);
  for (guint i = 0; i < CACHE_SIZE; i++)
    g_clear_object (&self->cache[i]);

  G_OBJECT_CLASS (raad_record_list_parent_class)->dispose (object);
}

static void
raad_record_list_finalize (GObject *object)
{
  RaadRecordList *self = (RaadRecordList *) object;

  g_clear_pointer (&self->ids, g_ptr_array_unref);
  clear_loader (self);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->query, raad_query_unref);
  g_clear_object (&self->store);
  g_free (self->type);

  G_OBJECT_CLASS (raad_record_list_parent_class)->finalize (object);
}

static void
raad_record_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RaadRecordList *self = RAAD_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_QUERY:
      g_value_set_boxed (value, self->query);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, count_ids (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_record_list_class_init (RaadRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = raad_record_list_dispose;
  object_class->finalize = raad_record_list_finalize;
  object_class->get_property = raad_record_list_get_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAAD_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_boxed ("query", NULL, NULL, RAAD_TYPE_QUERY,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raad_record_list_init (RaadRecordList *self)
{
  self->ids = g_ptr_array_new_with_free_func (g_free);
}

RaadRecordList *
raad_record_list_new (RaadStore *store,
                      RaadQuery *query)
{
  RaadRecordList *self;

  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  self = g_object_new (RAAD_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->query = raad_query_ref (query);
  self->type = g_strdup (raad_query_get_doc_type (query));
  g_ptr_array_unref (self->ids);
  self->ids = read_ids (self);
  self->changed_handler = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed),
                                            self);
  return self;
}

RaadStore *
raad_record_list_get_store (RaadRecordList *self)
{
  g_return_val_if_fail (RAAD_IS_RECORD_LIST (self), NULL);
  return self->store;
}

RaadQuery *
raad_record_list_get_query (RaadRecordList *self)
{
  g_return_val_if_fail (RAAD_IS_RECORD_LIST (self), NULL);
  return self->query;
}

void
raad_record_list_set_query (RaadRecordList *self,
                            RaadQuery      *query)
{
  g_return_if_fail (RAAD_IS_RECORD_LIST (self));
  g_return_if_fail (query != NULL);

  if (self->query == query)
    return;
  if (self->query == NULL)
    g_signal_handler_unblock (self->store, self->changed_handler);
  g_clear_pointer (&self->query, raad_query_unref);
  self->query = raad_query_ref (query);
  g_free (self->type);
  self->type = g_strdup (raad_query_get_doc_type (query));
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

const char *
raad_record_list_get_id (RaadRecordList *self,
                         guint           position)
{
  g_return_val_if_fail (RAAD_IS_RECORD_LIST (self), NULL);

  if (position >= count_ids (self))
    return NULL;
  ensure_ids (self);
  return g_ptr_array_index (self->ids, position);
}

guint
raad_record_list_find (RaadRecordList *self,
                       const char     *id)
{
  gpointer pos;

  g_return_val_if_fail (RAAD_IS_RECORD_LIST (self), G_MAXUINT);

  ensure_ids (self);
  if (self->positions == NULL)
    {
      self->positions = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < self->ids->len; i++)
        g_hash_table_insert (self->positions, g_ptr_array_index (self->ids, i),
                             GUINT_TO_POINTER (i + 1));
    }
  pos = g_hash_table_lookup (self->positions, id);
  return pos != NULL ? GPOINTER_TO_UINT (pos) - 1 : G_MAXUINT;
}

RaadRecordList *
_raad_record_list_new_for_ids (RaadStore  *store,
                               const char *type)
{
  RaadRecordList *self;

  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);

  self = g_object_new (RAAD_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->type = g_strdup (type);
  /* Connected but quiet until a query is set: the owner of the ids refreshes them. */
  self->changed_handler = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed),
                                            self);
  g_signal_handler_block (store, self->changed_handler);
  return self;
}

void
_raad_record_list_set_ids (RaadRecordList *self,
                           GPtrArray      *ids)
{
  g_return_if_fail (RAAD_IS_RECORD_LIST (self));

  replace_ids (self, g_ptr_array_ref (ids));
}

void
_raad_record_list_set_counted (RaadRecordList       *self,
                               guint                 n_items,
                               RaadRecordListLoader  loader,
                               gpointer              data,
                               GDestroyNotify        destroy)
{
  guint old_n;

  g_return_if_fail (RAAD_IS_RECORD_LIST (self));

  old_n = count_ids (self);
  g_clear_pointer (&self->ids, g_ptr_array_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  clear_loader (self);
  self->lazy_n = n_items;
  self->loader = loader;
  self->loader_data = data;
  self->loader_destroy = destroy;
  if (old_n > 0 || n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, n_items);
  if (old_n != n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}
