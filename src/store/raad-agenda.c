/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-agenda.c: what a meeting's agenda does: templates, order, carried action points */
#define G_LOG_DOMAIN "raad-agenda"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "raad-agenda.h"
#include "raad-date.h"
#include "raad-order-key.h"
#include "raad-query.h"
#include "raad-record-list.h"
#include "raad-shared-item.h"

static const char * const standard_items[] = {
  "opening", "agenda", "minutes", "announcements", "exchange", "any-other-business", "closing",
  NULL
};

/* Minutes each standard item gets in a new agenda. */
static const guint standard_minutes[] = { 5, 5, 15, 10, 15, 10, 5 };

const char * const *
raad_agenda_standard_items (void)
{
  return standard_items;
}

const char *
raad_agenda_standard_title (const char *standard)
{
  if (g_strcmp0 (standard, "opening") == 0)
    return _("Opening");
  if (g_strcmp0 (standard, "agenda") == 0)
    return _("Adoption of the agenda");
  if (g_strcmp0 (standard, "minutes") == 0)
    return _("Minutes and action list of the last meeting");
  if (g_strcmp0 (standard, "announcements") == 0)
    return _("Announcements");
  if (g_strcmp0 (standard, "exchange") == 0)
    return _("Information exchange with the other councils");
  if (g_strcmp0 (standard, "any-other-business") == 0)
    return _("Any other business");
  if (g_strcmp0 (standard, "closing") == 0)
    return _("Closing");
  return standard;
}

static const char *
string_of (gpointer    record,
           const char *field)
{
  return raad_record_get_string (RAAD_RECORD (record), field);
}

static int
compare_by_key (gconstpointer a,
                gconstpointer b)
{
  RaadRecord *ra = *(RaadRecord **) a;
  RaadRecord *rb = *(RaadRecord **) b;
  int c = g_strcmp0 (string_of (ra, "order-key"), string_of (rb, "order-key"));

  /* Two laptops that put an item in the same place get the same key: the id decides. */
  return c != 0 ? c : g_strcmp0 (raad_record_get_id (ra), raad_record_get_id (rb));
}

/* All items of a meeting, unordered. */
static GPtrArray *
meeting_items (RaadStore  *store,
               const char *meeting_id)
{
  g_autoptr(RaadQuery) query = raad_query_new ("agenda_item");
  g_autoptr(RaadRecordList) list = NULL;
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  raad_query_where_equals (query, "meeting_id", meeting_id);
  list = raad_record_list_new (store, query);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (list), i));
  return items;
}

GPtrArray *
raad_agenda_order_items (GPtrArray *items)
{
  g_autoptr(GPtrArray) all = g_ptr_array_sized_new (items->len);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) children = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  GPtrArray *ordered = g_ptr_array_new_full (items->len, g_object_unref);

  /* Borrowed: @items holds them. */
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (all, g_ptr_array_index (items, i));
  g_ptr_array_sort (all, compare_by_key);
  for (guint i = 0; i < all->len; i++)
    g_hash_table_add (ids, (gpointer) raad_record_get_id (g_ptr_array_index (all, i)));
  /* Each item's sub-items, in order: one pass, not one per item. */
  for (guint i = 0; i < all->len; i++)
    {
      RaadRecord *item = g_ptr_array_index (all, i);
      const char *parent = string_of (item, "parent-id");
      GPtrArray *subs;

      if (parent == NULL || !g_hash_table_contains (ids, parent))
        continue;
      subs = g_hash_table_lookup (children, parent);
      if (subs == NULL)
        g_hash_table_insert (children, (gpointer) parent, subs = g_ptr_array_new ());
      g_ptr_array_add (subs, item);
    }
  for (guint i = 0; i < all->len; i++)
    {
      RaadRecord *item = g_ptr_array_index (all, i);
      const char *parent = string_of (item, "parent-id");
      GPtrArray *subs;

      /* A sub-item whose parent is gone shows as an item. */
      if (parent != NULL && g_hash_table_contains (ids, parent))
        continue;
      g_ptr_array_add (ordered, g_object_ref (item));
      subs = g_hash_table_lookup (children, raad_record_get_id (item));
      for (guint j = 0; subs != NULL && j < subs->len; j++)
        g_ptr_array_add (ordered, g_object_ref (g_ptr_array_index (subs, j)));
    }
  return ordered;
}

GPtrArray *
raad_agenda_list_items (RaadStore  *store,
                        const char *meeting_id)
{
  g_autoptr(GPtrArray) all = meeting_items (store, meeting_id);

  return raad_agenda_order_items (all);
}

/* The siblings of @item (same parent) among @all, in order, @item among them. */
static GPtrArray *
siblings_among (RaadAgendaItem *item,
                GPtrArray      *all)
{
  GPtrArray *siblings = g_ptr_array_new_with_free_func (g_object_unref);
  const char *parent = string_of (item, "parent-id");

  for (guint i = 0; i < all->len; i++)
    {
      RaadRecord *other = g_ptr_array_index (all, i);

      if (g_strcmp0 (string_of (other, "parent-id"), parent) == 0)
        g_ptr_array_add (siblings, g_object_ref (other));
    }
  g_ptr_array_sort (siblings, compare_by_key);
  return siblings;
}

/* The siblings of @item (same meeting, same parent) in order, @item among them. */
static GPtrArray *
siblings_of (RaadAgendaItem *item)
{
  RaadStore *store = raad_record_get_store (RAAD_RECORD (item));
  g_autoptr(GPtrArray) all = meeting_items (store, string_of (item, "meeting-id"));

  return siblings_among (item, all);
}

static RaadAgendaItem *
new_item (RaadStore   *store,
          RaadMeeting *meeting,
          const char  *parent_id,
          const char  *title,
          const char  *after_key)
{
  RaadAgendaItem *item = raad_agenda_item_new (store);
  g_autofree char *key = raad_order_key_between (after_key, NULL);

  g_object_set (item,
                "council-id", string_of (meeting, "council-id"),
                "meeting-id", raad_record_get_id (RAAD_RECORD (meeting)),
                "parent-id", parent_id,
                "title", title,
                "order-key", key,
                "kind", "subject",
                "purpose", "discussion",
                "duration", 15,
                NULL);
  return item;
}

/* The council's last meeting before @date, or NULL. */
static RaadMeeting *
last_meeting_before (RaadStore  *store,
                     const char *council_id,
                     const char *date)
{
  g_autoptr(RaadQuery) query = raad_query_new ("meeting");
  g_autoptr(RaadRecordList) list = NULL;
  RaadMeeting *last = NULL;

  /* The newest before @date: the first of the list, the only one read. */
  raad_query_where_equals (query, "council_id", council_id);
  raad_query_where_less_than (query, "date", date);
  raad_query_order_by (query, "date", TRUE);
  list = raad_record_list_new (store, query);
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) > 0)
    last = g_list_model_get_item (G_LIST_MODEL (list), 0);
  return last;
}

RaadMeeting *
raad_agenda_create_meeting (RaadStore        *store,
                            const char       *council_id,
                            const char       *date,
                            const char       *start,
                            const char       *end,
                            RaadAgendaStart   how,
                            GError          **error)
{
  g_autoptr(RaadMeeting) meeting = raad_meeting_new (store);
  g_autoptr(RaadMeeting) last = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);
  g_return_val_if_fail (council_id != NULL && date != NULL, NULL);

  g_object_set (meeting, "council-id", council_id, "date", date, "start-time", start,
                "end-time", end, "status", "planned", NULL);
  if (how == RAAD_AGENDA_COPY_LAST)
    last = last_meeting_before (store, council_id, date);

  if (!raad_store_begin (store, error))
    return NULL;
  if (!raad_record_save (RAAD_RECORD (meeting), error))
    goto fail;

  if (last != NULL)
    {
      g_autoptr(GPtrArray) items = raad_agenda_list_items (store, raad_record_get_id (RAAD_RECORD (last)));
      g_autoptr(GHashTable) new_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      /* The same items, without what belonged to that meeting only. */
      for (guint i = 0; i < items->len; i++)
        {
          RaadRecord *old = g_ptr_array_index (items, i);
          g_autoptr(JsonObject) body = raad_record_to_json (old);
          g_autoptr(RaadAgendaItem) copy = raad_agenda_item_new (store);
          const char *parent = string_of (old, "parent-id");

          raad_record_set_from_json (RAAD_RECORD (copy), body);
          g_object_set (copy,
                        "meeting-id", raad_record_get_id (RAAD_RECORD (meeting)),
                        "parent-id", parent != NULL ? g_hash_table_lookup (new_ids, parent) : NULL,
                        "minutes", NULL, "decision", NULL, "notes", NULL, "shared", FALSE,
                        "request-id", NULL,
                        NULL);
          if (!raad_record_save (RAAD_RECORD (copy), error))
            goto fail;
          g_hash_table_insert (new_ids, g_strdup (raad_record_get_id (old)),
                               g_strdup (raad_record_get_id (RAAD_RECORD (copy))));
        }
    }
  else
    {
      for (guint i = 0; standard_items[i]; i++)
        {
          g_autoptr(RaadAgendaItem) item = NULL;
          char *next = raad_order_key_between (key, NULL);

          g_free (key);
          key = next;
          item = new_item (store, meeting, NULL, raad_agenda_standard_title (standard_items[i]), NULL);
          g_object_set (item, "order-key", key, "kind", "standard",
                        "standard", standard_items[i], "purpose", "information",
                        "duration", standard_minutes[i], NULL);
          if (!raad_record_save (RAAD_RECORD (item), error))
            goto fail;
        }
    }
  if (!raad_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&meeting);

fail:
  raad_store_rollback (store);
  return NULL;
}

RaadAgendaItem *
raad_agenda_add_item (RaadStore       *store,
                      RaadMeeting     *meeting,
                      RaadAgendaItem  *parent,
                      const char      *title,
                      GError         **error)
{
  const char *parent_id = parent != NULL ? raad_record_get_id (RAAD_RECORD (parent)) : NULL;
  g_autoptr(GPtrArray) all = meeting_items (store, raad_record_get_id (RAAD_RECORD (meeting)));
  const char *last_key = NULL;
  const char *closing_key = NULL;
  g_autoptr(RaadAgendaItem) item = NULL;
  g_autofree char *key = NULL;

  /* At the end of its siblings; a new item goes before the closing, where people want it. */
  g_ptr_array_sort (all, compare_by_key);
  for (guint i = 0; i < all->len; i++)
    {
      RaadRecord *other = g_ptr_array_index (all, i);

      if (g_strcmp0 (string_of (other, "parent-id"), parent_id) != 0)
        continue;
      if (parent_id == NULL && g_strcmp0 (string_of (other, "standard"), "closing") == 0)
        {
          closing_key = string_of (other, "order-key");
          break;
        }
      last_key = string_of (other, "order-key");
    }
  key = raad_order_key_between (last_key, closing_key);
  item = new_item (store, meeting, parent_id, title, NULL);
  g_object_set (item, "order-key", key, NULL);
  if (!raad_record_save (RAAD_RECORD (item), error))
    return NULL;
  return g_steal_pointer (&item);
}

static gboolean
move_to (RaadAgendaItem  *item,
         GPtrArray       *siblings,
         guint            to,
         GError         **error)
{
  const char *before = to > 0 ? string_of (g_ptr_array_index (siblings, to - 1), "order-key") : NULL;
  const char *after = to < siblings->len ? string_of (g_ptr_array_index (siblings, to), "order-key") : NULL;
  g_autofree char *key = NULL;

  /* Equal keys (made on two laptops at once) get apart first: move past the equal one. */
  if (before != NULL && after != NULL && strcmp (before, after) >= 0)
    after = NULL;
  key = raad_order_key_between (before, after);
  g_object_set (item, "order-key", key, NULL);
  return raad_record_save (RAAD_RECORD (item), error);
}

static gboolean
move_by (RaadAgendaItem  *item,
         GPtrArray       *siblings,
         int              direction,
         GError         **error)
{
  guint index = 0;

  if (!g_ptr_array_find (siblings, item, &index))
    return FALSE;
  if ((direction < 0 && index == 0) || (direction > 0 && index + 1 >= siblings->len))
    return FALSE;
  g_ptr_array_remove_index (siblings, index);
  return move_to (item, siblings, direction < 0 ? index - 1 : index + 1, error);
}

gboolean
raad_agenda_move_item (RaadAgendaItem  *item,
                       int              direction,
                       GError         **error)
{
  g_autoptr(GPtrArray) siblings = NULL;

  g_return_val_if_fail (RAAD_IS_AGENDA_ITEM (item), FALSE);
  g_return_val_if_fail (direction == -1 || direction == 1, FALSE);

  siblings = siblings_of (item);
  return move_by (item, siblings, direction, error);
}

gboolean
raad_agenda_move_item_among (RaadAgendaItem  *item,
                             GPtrArray       *items,
                             int              direction,
                             GError         **error)
{
  g_autoptr(GPtrArray) siblings = NULL;

  g_return_val_if_fail (RAAD_IS_AGENDA_ITEM (item), FALSE);
  g_return_val_if_fail (items != NULL, FALSE);
  g_return_val_if_fail (direction == -1 || direction == 1, FALSE);

  siblings = siblings_among (item, items);
  return move_by (item, siblings, direction, error);
}

gboolean
raad_agenda_move_item_before (RaadAgendaItem  *item,
                              RaadAgendaItem  *before,
                              GError         **error)
{
  g_autoptr(GPtrArray) siblings = siblings_of (item);
  guint index = 0;
  guint to;

  g_ptr_array_find (siblings, item, &index);
  g_ptr_array_remove_index (siblings, index);
  if (before == NULL || !g_ptr_array_find (siblings, before, &to))
    to = siblings->len;
  return move_to (item, siblings, to, error);
}

static int
compare_by_due (gconstpointer a,
                gconstpointer b)
{
  RaadRecord *ra = *(RaadRecord **) a;
  RaadRecord *rb = *(RaadRecord **) b;
  int c = g_strcmp0 (string_of (ra, "due"), string_of (rb, "due"));

  return c != 0 ? c : g_strcmp0 (raad_record_get_id (ra), raad_record_get_id (rb));
}

/* Documents */

static char *
unique_document_name (RaadAgendaItem *item,
                      const char     *file_name)
{
  g_autofree char *base = g_path_get_basename (file_name);
  const char *dot = strrchr (base, '.');
  g_autofree char *stem = dot != NULL && dot != base ? g_strndup (base, dot - base) : g_strdup (base);
  const char *extension = dot != NULL && dot != base ? dot : "";
  char *name = g_strdup (base);

  for (guint n = 2; raad_record_has_attachment (RAAD_RECORD (item), name); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s (%u)%s", stem, n, extension);
    }
  return name;
}

gboolean
raad_agenda_attach_document (RaadAgendaItem  *item,
                             const char      *file_name,
                             const char      *content_type,
                             GBytes          *data,
                             char           **stored_name,
                             GError         **error)
{
  g_autofree char *name = NULL;
  g_autofree char *size = NULL;
  g_autofree char *limit = NULL;

  g_return_val_if_fail (RAAD_IS_AGENDA_ITEM (item), FALSE);
  g_return_val_if_fail (file_name != NULL && data != NULL, FALSE);

  if (g_bytes_get_size (data) > RAAD_AGENDA_DOCUMENT_MAX_SIZE)
    {
      size = g_format_size (g_bytes_get_size (data));
      limit = g_format_size (RAAD_AGENDA_DOCUMENT_MAX_SIZE);
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   /* Translators: a document's name, its size and the largest size allowed */
                   _("“%s” is %s; documents of at most %s can be attached. Share a larger file by a link in the notes."),
                   file_name, size, limit);
      return FALSE;
    }
  if (g_bytes_get_size (data) == 0)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   _("“%s” is empty"), file_name);
      return FALSE;
    }

  name = unique_document_name (item, file_name);
  raad_record_set_attachment (RAAD_RECORD (item), name, content_type, data);
  if (!raad_record_save (RAAD_RECORD (item), error))
    {
      raad_record_remove_attachment (RAAD_RECORD (item), name);
      return FALSE;
    }
  if (stored_name != NULL)
    *stored_name = g_steal_pointer (&name);
  return TRUE;
}

gboolean
raad_agenda_remove_document (RaadAgendaItem  *item,
                             const char      *name,
                             GError         **error)
{
  g_return_val_if_fail (RAAD_IS_AGENDA_ITEM (item), FALSE);

  if (!raad_record_has_attachment (RAAD_RECORD (item), name))
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_NOT_FOUND,
                   _("The item has no document “%s”"), name);
      return FALSE;
    }
  raad_record_remove_attachment (RAAD_RECORD (item), name);
  return raad_record_save (RAAD_RECORD (item), error);
}

GPtrArray *
raad_agenda_open_action_points (RaadStore  *store,
                                const char *council_id,
                                const char *date)
{
  g_autoptr(RaadQuery) query = raad_query_new ("action_point");
  g_autoptr(RaadRecordList) list = NULL;
  GPtrArray *open = g_ptr_array_new_with_free_func (g_object_unref);

  raad_query_where_equals (query, "council_id", council_id);
  list = raad_record_list_new (store, query);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(RaadRecord) point = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(RaadRecord) meeting = NULL;
      const char *made_at = string_of (point, "meeting-id");

      if (string_of (point, "done") != NULL)
        continue;
      /* Made at an earlier meeting (or between meetings). */
      if (made_at != NULL)
        {
          meeting = raad_record_load (store, made_at, NULL);
          if (meeting != NULL && g_strcmp0 (string_of (meeting, "date"), date) >= 0)
            continue;
        }
      g_ptr_array_add (open, g_steal_pointer (&point));
    }
  g_ptr_array_sort (open, compare_by_due);
  return open;
}

/* Requests */

RaadRequestWarning
raad_agenda_request_warning (RaadRequest  *request,
                             const char   *today,
                             char        **until)
{
  g_autoptr(GDate) now = raad_date_parse (today);
  g_autoptr(GDate) deadline = raad_date_parse (string_of (request, "deadline"));
  g_autoptr(GDate) decided = raad_date_parse (string_of (request, "decided-without-consent"));
  const char *status = string_of (request, "status");
  gboolean answered = string_of (request, "answered") != NULL ||
                      g_strcmp0 (status, "answered") == 0 || g_strcmp0 (status, "replied") == 0 ||
                      g_strcmp0 (status, "closed") == 0;

  if (until != NULL)
    *until = NULL;
  if (now == NULL)
    return RAAD_REQUEST_CALM;

  /* A consent refused and a decision taken anyway: one month to declare it void. */
  if (decided != NULL && g_strcmp0 (string_of (request, "kind"), "consent") == 0)
    {
      g_autoptr(GDate) last = g_date_copy (decided);

      g_date_add_months (last, 1);
      if (g_date_compare (now, decided) >= 0 && g_date_compare (now, last) <= 0)
        {
          if (until != NULL)
            *until = raad_date_format (last);
          return RAAD_REQUEST_VOID_WINDOW;
        }
      return RAAD_REQUEST_CALM;
    }

  if (answered || deadline == NULL)
    return RAAD_REQUEST_CALM;
  if (until != NULL)
    *until = raad_date_format (deadline);
  if (g_date_compare (now, deadline) > 0)
    return RAAD_REQUEST_OVERDUE;
  if (g_date_days_between (now, deadline) <= 14)
    return RAAD_REQUEST_DUE_SOON;
  if (until != NULL)
    g_clear_pointer (until, g_free);
  return RAAD_REQUEST_CALM;
}

typedef struct
{
  RaadRecord         *request;
  RaadRequestWarning  warning;
  char               *until;
} Watched;

static int
compare_watched (gconstpointer a,
                 gconstpointer b)
{
  const Watched *wa = a;
  const Watched *wb = b;

  /* Overdue first, then by the date that matters. */
  if ((wa->warning == RAAD_REQUEST_OVERDUE) != (wb->warning == RAAD_REQUEST_OVERDUE))
    return wa->warning == RAAD_REQUEST_OVERDUE ? -1 : 1;
  return g_strcmp0 (wa->until, wb->until);
}

GPtrArray *
raad_agenda_requests_to_watch (RaadStore  *store,
                               const char *council_id,
                               const char *today)
{
  g_autoptr(RaadQuery) query = raad_query_new ("request");
  g_autoptr(RaadRecordList) list = NULL;
  g_autoptr(GArray) watched = g_array_new (FALSE, FALSE, sizeof (Watched));
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  raad_query_where_equals (query, "council_id", council_id);
  list = raad_record_list_new (store, query);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      Watched w = { 0 };

      w.request = g_list_model_get_item (G_LIST_MODEL (list), i);
      w.warning = raad_agenda_request_warning (RAAD_REQUEST (w.request), today, &w.until);
      if (w.warning == RAAD_REQUEST_CALM)
        {
          g_object_unref (w.request);
          g_free (w.until);
          continue;
        }
      g_array_append_val (watched, w);
    }
  g_array_sort (watched, compare_watched);
  for (guint i = 0; i < watched->len; i++)
    {
      Watched *w = &g_array_index (watched, Watched, i);

      g_ptr_array_add (result, w->request);
      g_free (w->until);
    }
  return result;
}

RaadAgendaItem *
raad_agenda_add_request (RaadStore    *store,
                         RaadMeeting  *meeting,
                         RaadRequest  *request,
                         GError      **error)
{
  const char *kind = string_of (request, "kind");
  const char *purpose = g_strcmp0 (kind, "consent") == 0 ? "consent-request" :
                        g_strcmp0 (kind, "unsolicited") == 0 ? "unsolicited-advice" :
                        "advice-request";
  g_autoptr(RaadAgendaItem) item = NULL;

  if (!raad_store_begin (store, error))
    return NULL;
  item = raad_agenda_add_item (store, meeting, NULL, string_of (request, "subject"), error);
  if (item == NULL)
    goto fail;
  g_object_set (item, "purpose", purpose,
                "request-id", raad_record_get_id (RAAD_RECORD (request)), NULL);
  if (!raad_record_save (RAAD_RECORD (item), error))
    goto fail;
  if (g_strcmp0 (string_of (request, "status"), "received") == 0 ||
      string_of (request, "status") == NULL)
    {
      g_object_set (request, "status", "in-progress", NULL);
      if (!raad_record_save (RAAD_RECORD (request), error))
        goto fail;
    }
  if (!raad_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&item);

fail:
  raad_store_rollback (store);
  return NULL;
}

/* Sharing */

static RaadRecord *
find_shared (RaadStore  *store,
             const char *item_id)
{
  g_autoptr(RaadQuery) query = raad_query_new ("shared_item");
  g_autoptr(RaadRecordList) list = NULL;

  raad_query_where_equals (query, "item_id", item_id);
  list = raad_record_list_new (store, query);
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) == 0)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (list), 0);
}

gboolean
raad_agenda_set_shared (RaadAgendaItem  *item,
                        gboolean         shared,
                        GError         **error)
{
  RaadStore *store = raad_record_get_store (RAAD_RECORD (item));
  const char *item_id = raad_record_get_id (RAAD_RECORD (item));
  g_autoptr(RaadRecord) published = find_shared (store, item_id);
  g_autoptr(RaadRecord) meeting = raad_record_load (store, string_of (item, "meeting-id"), NULL);
  g_autoptr(RaadRecord) council = raad_record_load (store, string_of (item, "council-id"), NULL);

  if (!raad_store_begin (store, error))
    return FALSE;
  g_object_set (item, "shared", shared, NULL);
  if (!raad_record_save (RAAD_RECORD (item), error))
    goto fail;
  if (shared)
    {
      if (published == NULL)
        published = RAAD_RECORD (raad_shared_item_new (store));
      g_object_set (published,
                    "council-id", string_of (item, "council-id"),
                    "council-name", council != NULL ? string_of (council, "name") : NULL,
                    "item-id", item_id,
                    "meeting-date", meeting != NULL ? string_of (meeting, "date") : NULL,
                    "title", string_of (item, "title"),
                    "decision", string_of (item, "decision"),
                    NULL);
      if (!raad_record_save (published, error))
        goto fail;
    }
  else if (published != NULL && !raad_record_delete (published, error))
    goto fail;
  return raad_store_commit (store, error);

fail:
  raad_store_rollback (store);
  return FALSE;
}

GPtrArray *
raad_agenda_shared_from_others (RaadStore  *store,
                                const char *council_id,
                                const char *date)
{
  g_autoptr(RaadQuery) query = raad_query_new ("shared_item");
  g_autoptr(RaadRecordList) list = NULL;
  g_autoptr(RaadMeeting) previous = last_meeting_before (store, council_id, date);
  const char *since = previous != NULL ? string_of (previous, "date") : NULL;
  GPtrArray *shared = g_ptr_array_new_with_free_func (g_object_unref);

  raad_query_order_by (query, "meeting_date", FALSE);
  list = raad_record_list_new (store, query);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(RaadRecord) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *when = string_of (item, "meeting-date");

      if (g_strcmp0 (string_of (item, "council-id"), council_id) == 0)
        continue;
      if ((since != NULL && g_strcmp0 (when, since) <= 0) || g_strcmp0 (when, date) > 0)
        continue;
      g_ptr_array_add (shared, g_steal_pointer (&item));
    }
  return shared;
}
