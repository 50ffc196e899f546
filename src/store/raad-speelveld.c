/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-speelveld.c: what the playing field does: parties, their places, whom to speak to next */
#define G_LOG_DOMAIN "raad-speelveld"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "raad-date.h"
#include "raad-query.h"
#include "raad-record-list.h"
#include "raad-speelveld.h"
#include "raad-store-private.h"

/* Titles */

typedef struct
{
  const char *value;
  const char *title;
  const char *context;   /* for titles that mean something else elsewhere, or NULL */
} Choice;

static const Choice categories[] = {
  { "director", N_("Director") },
  { "supervisory-board", N_("Supervisory board") },
  { "works-council", N_("Works council") },
  { "staff", N_("Staff") },
  { "clients", N_("Clients") },
  { "relatives", N_("Relatives") },
  { "care-purchaser", N_("Care purchaser") },
  { "inspectorate", N_("Inspectorate") },
  { "municipality", N_("Municipality") },
  { "support-officer", N_("Support officer") },
  { "other-council", N_("Other council") },
  { "own", N_("Other party") },
};

static const Choice relations[] = {
  { "good", N_("Good") },
  { "neutral", N_("Neutral") },
  { "strained", N_("Strained") },
};

static const Choice rights[] = {
  /* "Information" alone is also an agenda item's purpose. */
  { "information", NC_("formal right", "Information"), "formal right" },
  { "consultation", NC_("formal right", "Consultation"), "formal right" },
  { "advice", NC_("formal right", "Advice"), "formal right" },
  { "consent", NC_("formal right", "Consent"), "formal right" },
  { "none", NC_("formal right", "No formal right"), "formal right" },
};

static const Choice contact_kinds[] = {
  { "meeting", N_("Meeting") },
  { "call", N_("Call") },
  { "visit", N_("Visit") },
  { "email", N_("E-mail") },
  { "purchase-talk", N_("Purchase talk") },
  { "inspection-visit", N_("Inspection visit") },
};

static const char * const *
values_of (const Choice *choices,
           guint         n_choices,
           const char  **cache)
{
  if (cache[0] == NULL)
    for (guint i = 0; i < n_choices; i++)
      cache[i] = choices[i].value;
  return cache;
}

static const char *
title_of (const Choice *choices,
          guint         n_choices,
          const char   *value)
{
  for (guint i = 0; i < n_choices; i++)
    if (g_strcmp0 (choices[i].value, value) == 0)
      return choices[i].context != NULL
             ? g_dpgettext2 (GETTEXT_PACKAGE, choices[i].context, choices[i].title)
             : g_dgettext (GETTEXT_PACKAGE, choices[i].title);
  return value;
}

#define CHOICE_FUNCS(list, values_func, title_func) \
  const char * const * \
  values_func (void) \
  { \
    static const char *cache[G_N_ELEMENTS (list) + 1]; \
    return values_of (list, G_N_ELEMENTS (list), cache); \
  } \
  const char * \
  title_func (const char *value) \
  { \
    return title_of (list, G_N_ELEMENTS (list), value); \
  }

CHOICE_FUNCS (categories, raad_speelveld_categories, raad_speelveld_category_title)
CHOICE_FUNCS (relations, raad_speelveld_relations, raad_speelveld_relation_title)
CHOICE_FUNCS (rights, raad_speelveld_rights, raad_speelveld_right_title)
CHOICE_FUNCS (contact_kinds, raad_speelveld_contact_kinds, raad_speelveld_contact_kind_title)

/* Lists */

static GPtrArray *
run_query (RaadStore *store,
           RaadQuery *query)
{
  g_autoptr(RaadRecordList) list = raad_record_list_new (store, query);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  GPtrArray *records = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (records, g_list_model_get_item (G_LIST_MODEL (list), i));
  return records;
}

GPtrArray *
raad_speelveld_list_parties (RaadStore  *store,
                             const char *council_id)
{
  g_autoptr(RaadQuery) query = raad_query_new ("stakeholder");

  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);
  g_return_val_if_fail (council_id != NULL, NULL);

  raad_query_where_equals (query, "council_id", council_id);
  raad_query_order_by_rank (query, "category", raad_speelveld_categories ());
  raad_query_order_by (query, "name", FALSE);
  return run_query (store, query);
}

GPtrArray *
raad_speelveld_list_contacts (RaadStore  *store,
                              const char *stakeholder_id)
{
  g_autoptr(RaadQuery) query = raad_query_new ("contact");

  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);
  g_return_val_if_fail (stakeholder_id != NULL, NULL);

  raad_query_where_equals (query, "stakeholder_id", stakeholder_id);
  raad_query_order_by (query, "date", TRUE);
  return run_query (store, query);
}

/* Places */

static double
number_of (gpointer    record,
           const char *field)
{
  double value = 0;

  g_object_get (record, field, &value, NULL);
  return value;
}

static guint
uint_of (gpointer    record,
         const char *field)
{
  guint value = 0;

  g_object_get (record, field, &value, NULL);
  return value;
}

static gboolean
is_placed (RaadStakeholder *party)
{
  double x = number_of (party, "map-x");
  double y = number_of (party, "map-y");

  return x >= 0 && x <= 1 && y >= 0 && y <= 1;
}

void
raad_speelveld_map_places (GPtrArray *parties,
                           double    *xy)
{
  guint n_unplaced = 0;
  guint k = 0;

  g_return_if_fail (parties != NULL);
  g_return_if_fail (xy != NULL || parties->len == 0);

  for (guint i = 0; i < parties->len; i++)
    if (!is_placed (g_ptr_array_index (parties, i)))
      n_unplaced++;

  /* The unplaced go round an ellipse in list order (category order), starting at the top,
   * where the director is; the council sits in the middle. */
  for (guint i = 0; i < parties->len; i++)
    {
      RaadStakeholder *party = g_ptr_array_index (parties, i);

      if (is_placed (party))
        {
          xy[2 * i] = number_of (party, "map-x");
          xy[2 * i + 1] = number_of (party, "map-y");
        }
      else
        {
          double angle = -G_PI / 2 + 2 * G_PI * k++ / MAX (n_unplaced, 1);

          xy[2 * i] = 0.5 + 0.40 * cos (angle);
          xy[2 * i + 1] = 0.5 + 0.38 * sin (angle);
        }
    }
}

static guint
clamp_level (guint level)
{
  return CLAMP (level, 1, 5);
}

void
raad_speelveld_grid_places (GPtrArray *parties,
                            double    *xy)
{
  guint in_cell[5][5] = { { 0 } };
  guint seen[5][5] = { { 0 } };

  g_return_if_fail (parties != NULL);
  g_return_if_fail (xy != NULL || parties->len == 0);

  for (guint i = 0; i < parties->len; i++)
    {
      RaadStakeholder *party = g_ptr_array_index (parties, i);

      in_cell[clamp_level (uint_of (party, "interest")) - 1]
             [clamp_level (uint_of (party, "influence")) - 1]++;
    }

  /* A cell is a fifth of each axis; parties sharing one are spread in rows within it. */
  for (guint i = 0; i < parties->len; i++)
    {
      RaadStakeholder *party = g_ptr_array_index (parties, i);
      guint interest = clamp_level (uint_of (party, "interest")) - 1;
      guint influence = clamp_level (uint_of (party, "influence")) - 1;
      guint n = in_cell[interest][influence];
      guint nth = seen[interest][influence]++;
      guint columns = (guint) ceil (sqrt (n));
      guint rows = (n + columns - 1) / columns;
      double cell_x = interest / 5.0;
      double cell_y = (4 - influence) / 5.0;

      xy[2 * i] = cell_x + (nth % columns + 0.5) / columns / 5.0;
      xy[2 * i + 1] = cell_y + (nth / columns + 0.5) / rows / 5.0;
    }
}

gboolean
raad_speelveld_set_place (RaadStakeholder  *party,
                          double            x,
                          double            y,
                          GError          **error)
{
  g_return_val_if_fail (RAAD_IS_STAKEHOLDER (party), FALSE);

  g_object_set (party, "map-x", CLAMP (x, 0.0, 1.0), "map-y", CLAMP (y, 0.0, 1.0), NULL);
  return raad_record_save (RAAD_RECORD (party), error);
}

RaadQuadrant
raad_speelveld_quadrant (RaadStakeholder *party)
{
  gboolean much_influence;
  gboolean much_interest;

  g_return_val_if_fail (RAAD_IS_STAKEHOLDER (party), RAAD_QUADRANT_MONITOR);

  /* 1–5 each; 3 and up counts as much. */
  much_influence = uint_of (party, "influence") >= 3;
  much_interest = uint_of (party, "interest") >= 3;
  if (much_influence)
    return much_interest ? RAAD_QUADRANT_MANAGE_CLOSELY : RAAD_QUADRANT_KEEP_SATISFIED;
  return much_interest ? RAAD_QUADRANT_KEEP_INFORMED : RAAD_QUADRANT_MONITOR;
}

const char *
raad_speelveld_quadrant_title (RaadQuadrant quadrant)
{
  switch (quadrant)
    {
    case RAAD_QUADRANT_MONITOR:
      return _("Monitor");
    case RAAD_QUADRANT_KEEP_INFORMED:
      return _("Keep informed");
    case RAAD_QUADRANT_KEEP_SATISFIED:
      return _("Keep satisfied");
    case RAAD_QUADRANT_MANAGE_CLOSELY:
      return _("Manage closely");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Contact rhythm */

void
raad_contact_due_free (RaadContactDue *due)
{
  if (due == NULL)
    return;
  g_clear_object (&due->party);
  g_free (due->last_contact);
  g_free (due->due);
  g_free (due);
}

/* The last contact per party costs a pass over the whole log (json_extract of every
 * contact's date), so it is kept per store and council and kept up to date from the store's
 * "changed" signal, which every committed write (local or pulled by sync) emits: a newer
 * contact only moves its party's date; anything it cannot follow that way (a deletion, an
 * older date, a change it cannot read) drops the council's table, read again when asked. */

typedef struct
{
  GHashTable *by_council;   /* council id → (stakeholder id → YYYY-MM-DD) */
} LastContacts;

static void
last_contacts_free (LastContacts *cache)
{
  g_hash_table_unref (cache->by_council);
  g_free (cache);
}

/* The last contact with @party alone (its contacts through the stakeholder index); NULL for
 * none. */
static char *
read_last_contact_of (RaadStore  *store,
                      const char *party)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadStatement) stmt = NULL;

  stmt = _raad_store_prepare (store,
                              "SELECT max (json_extract (body, '$.date')) FROM documents"
                              " WHERE type = 'contact' AND f_stakeholder_id = ?1 AND deleted = 0",
                              &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot read the contact log: %s", error->message);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, party, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
last_contacts_changed_cb (RaadStore    *store,
                          GStrv         types,
                          GStrv         ids,
                          LastContacts *cache)
{
  if (types == NULL || ids == NULL || g_strv_length (ids) > 100)
    {
      g_hash_table_remove_all (cache->by_council);
      return;
    }
  if (!g_strv_contains ((const char * const *) types, "contact"))
    return;
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(RaadRecord) record = raad_record_load (store, ids[i], NULL);
      GHashTable *last;
      const char *date, *party, *known;

      if (record == NULL)
        {
          /* Gone or unreadable: whose it was is not known. */
          g_hash_table_remove_all (cache->by_council);
          return;
        }
      if (!RAAD_IS_CONTACT (record))
        continue;
      last = g_hash_table_lookup (cache->by_council, raad_record_get_string (record, "council-id"));
      if (last == NULL)
        continue;
      date = raad_record_get_string (record, "date");
      party = raad_record_get_string (record, "stakeholder-id");
      known = party != NULL ? g_hash_table_lookup (last, party) : NULL;
      if (party == NULL)
        g_hash_table_remove (cache->by_council, raad_record_get_string (record, "council-id"));
      else if (raad_record_get_deleted (record) || date == NULL
               || (known != NULL && g_strcmp0 (date, known) < 0))
        {
          /* Deleted, or logged or moved before the last one: this party's log alone is read
           * again, not the council's. */
          g_autofree char *newest = read_last_contact_of (store, party);

          if (newest != NULL)
            g_hash_table_insert (last, g_strdup (party), g_steal_pointer (&newest));
          else
            g_hash_table_remove (last, party);
        }
      else
        g_hash_table_insert (last, g_strdup (party), g_strdup (date));
    }
}

static GHashTable *
read_last_contacts (RaadStore  *store,
                    const char *council_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RaadStatement) stmt = NULL;
  GHashTable *last = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* By council, then grouped per party: the stakeholder index holds every contact. */
  stmt = _raad_store_prepare (store,
                              "SELECT f_stakeholder_id, max (json_extract (body, '$.date'))"
                              " FROM documents"
                              " WHERE type = 'contact' AND deleted = 0 AND f_council_id = ?1"
                              "   AND f_stakeholder_id IS NOT NULL"
                              " GROUP BY f_stakeholder_id",
                              &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot read the contact log: %s", error->message);
      return last;
    }
  sqlite3_bind_text (stmt, 1, council_id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *date = (const char *) sqlite3_column_text (stmt, 1);

      if (date != NULL)
        g_hash_table_insert (last, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                             g_strdup (date));
    }
  return last;
}

GHashTable *
raad_speelveld_last_contacts (RaadStore  *store,
                              const char *council_id)
{
  LastContacts *cache;
  GHashTable *last;
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (RAAD_IS_STORE (store), copy);
  g_return_val_if_fail (council_id != NULL, copy);

  cache = g_object_get_data (G_OBJECT (store), "raad-speelveld-last-contacts");
  if (cache == NULL)
    {
      cache = g_new0 (LastContacts, 1);
      cache->by_council = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_hash_table_unref);
      g_object_set_data_full (G_OBJECT (store), "raad-speelveld-last-contacts", cache,
                              (GDestroyNotify) last_contacts_free);
      g_signal_connect (store, "changed", G_CALLBACK (last_contacts_changed_cb), cache);
    }
  /* Inside a transaction the signal has not come yet: read what the transaction sees. */
  if (!sqlite3_get_autocommit (_raad_store_get_db (store)))
    {
      g_hash_table_unref (copy);
      return read_last_contacts (store, council_id);
    }
  last = g_hash_table_lookup (cache->by_council, council_id);
  if (last == NULL)
    {
      last = read_last_contacts (store, council_id);
      g_hash_table_insert (cache->by_council, g_strdup (council_id), last);
    }
  g_hash_table_iter_init (&iter, last);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
  return copy;
}

RaadContactDue *
raad_speelveld_contact_due (RaadStakeholder *party,
                            const char      *last_contact,
                            const char      *today)
{
  RaadContactDue *due;
  g_autoptr(GDate) last = NULL;
  guint rhythm;
  int days_left;

  g_return_val_if_fail (RAAD_IS_STAKEHOLDER (party), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  due = g_new0 (RaadContactDue, 1);
  due->party = g_object_ref (party);
  last = raad_date_parse (last_contact);
  due->last_contact = last != NULL ? raad_date_format (last) : NULL;
  rhythm = uint_of (party, "rhythm-months");

  if (rhythm == 0)
    {
      due->state = RAAD_CONTACT_NO_RHYTHM;
      return due;
    }
  if (last == NULL)
    {
      due->state = RAAD_CONTACT_OVERDUE;
      due->days_overdue = G_MAXINT / 2;
      return due;
    }

  g_date_add_months (last, rhythm);
  due->due = raad_date_format (last);
  if (!raad_date_days_between (today, due->due, &days_left))
    {
      g_critical ("“%s” is no date", today);
      due->state = RAAD_CONTACT_ON_TRACK;
      return due;
    }
  due->days_overdue = MAX (-days_left, 0);
  if (days_left < 0)
    due->state = RAAD_CONTACT_OVERDUE;
  else if (days_left <= 14)
    due->state = RAAD_CONTACT_DUE_SOON;
  else
    due->state = RAAD_CONTACT_ON_TRACK;
  return due;
}

static int
state_rank (RaadContactState state)
{
  switch (state)
    {
    case RAAD_CONTACT_OVERDUE:
      return 0;
    case RAAD_CONTACT_DUE_SOON:
      return 1;
    case RAAD_CONTACT_ON_TRACK:
      return 2;
    case RAAD_CONTACT_NO_RHYTHM:
    default:
      return 3;
    }
}

static int
compare_most_overdue (gconstpointer a,
                      gconstpointer b)
{
  const RaadContactDue *da = *(RaadContactDue * const *) a;
  const RaadContactDue *db = *(RaadContactDue * const *) b;
  int order;

  if (da->state != db->state)
    return state_rank (da->state) - state_rank (db->state);
  if (da->days_overdue != db->days_overdue)
    return da->days_overdue > db->days_overdue ? -1 : 1;
  /* Due soon: the nearest due date first; then by name, so that the order is stable. */
  order = g_strcmp0 (da->due, db->due);
  if (order != 0)
    return order;
  return g_utf8_collate (raad_record_get_string (RAAD_RECORD (da->party), "name") ?: "",
                         raad_record_get_string (RAAD_RECORD (db->party), "name") ?: "");
}

GPtrArray *
raad_speelveld_list_dues (RaadStore  *store,
                          const char *council_id,
                          const char *today)
{
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GHashTable) last = NULL;
  GPtrArray *dues = g_ptr_array_new_with_free_func ((GDestroyNotify) raad_contact_due_free);

  g_return_val_if_fail (RAAD_IS_STORE (store), dues);
  g_return_val_if_fail (council_id != NULL && today != NULL, dues);

  parties = raad_speelveld_list_parties (store, council_id);
  last = raad_speelveld_last_contacts (store, council_id);
  for (guint i = 0; i < parties->len; i++)
    {
      RaadRecord *party = g_ptr_array_index (parties, i);

      g_ptr_array_add (dues,
                       raad_speelveld_contact_due (RAAD_STAKEHOLDER (party),
                                                   g_hash_table_lookup (last, raad_record_get_id (party)),
                                                   today));
    }
  return dues;
}

void
raad_speelveld_sort_most_overdue (GPtrArray *dues)
{
  g_return_if_fail (dues != NULL);

  g_ptr_array_sort (dues, compare_most_overdue);
}

GPtrArray *
raad_speelveld_overdue (RaadStore  *store,
                        const char *council_id,
                        const char *today)
{
  g_autoptr(GPtrArray) dues = NULL;
  GPtrArray *overdue = g_ptr_array_new_with_free_func ((GDestroyNotify) raad_contact_due_free);

  g_return_val_if_fail (RAAD_IS_STORE (store), overdue);
  g_return_val_if_fail (council_id != NULL && today != NULL, overdue);

  dues = raad_speelveld_list_dues (store, council_id, today);
  for (guint i = 0; i < dues->len; i++)
    {
      RaadContactDue *due = g_ptr_array_index (dues, i);

      if (due->state == RAAD_CONTACT_OVERDUE || due->state == RAAD_CONTACT_DUE_SOON)
        g_ptr_array_add (overdue, g_ptr_array_steal_index (dues, i--));
    }
  g_ptr_array_sort (overdue, compare_most_overdue);
  return overdue;
}

/* The log */

static gboolean
is_blank (const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

RaadContact *
raad_speelveld_log_contact (RaadStakeholder  *party,
                            const char       *date,
                            const char       *kind,
                            const char       *participants,
                            const char       *summary,
                            const char       *follow_up,
                            GError          **error)
{
  RaadStore *store;
  g_autoptr(RaadContact) contact = NULL;
  g_autoptr(GDate) parsed = NULL;
  g_autofree char *planned = NULL;

  g_return_val_if_fail (RAAD_IS_STAKEHOLDER (party), NULL);

  store = raad_record_get_store (RAAD_RECORD (party));
  parsed = raad_date_parse (date);
  if (parsed == NULL)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   _("“%s” is not a date; write it as YYYY-MM-DD"), date != NULL ? date : "");
      return NULL;
    }
  if (kind == NULL || !g_strv_contains (raad_speelveld_contact_kinds (), kind))
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   _("Choose what kind of contact it was"));
      return NULL;
    }
  if (is_blank (summary))
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   _("Write a short summary of the contact"));
      return NULL;
    }

  contact = raad_contact_new (store);
  g_object_set (contact,
                "council-id", raad_record_get_string (RAAD_RECORD (party), "council-id"),
                "stakeholder-id", raad_record_get_id (RAAD_RECORD (party)),
                "date", date,
                "kind", kind,
                "participants", participants != NULL && *participants != '\0' ? participants : NULL,
                "summary", summary,
                "follow-up", follow_up != NULL && *follow_up != '\0' ? follow_up : NULL,
                NULL);

  if (!raad_store_begin (store, error))
    return NULL;
  if (!raad_record_save (RAAD_RECORD (contact), error))
    goto fail;
  /* The talk that was planned has taken place. */
  planned = g_strdup (raad_record_get_string (RAAD_RECORD (party), "next-contact"));
  if (planned != NULL && g_strcmp0 (planned, date) <= 0)
    {
      raad_record_set_string (RAAD_RECORD (party), "next-contact", NULL);
      if (!raad_record_save (RAAD_RECORD (party), error))
        goto fail;
    }
  if (!raad_store_commit (store, error))
    goto fail;
  return g_steal_pointer (&contact);

fail:
  raad_store_rollback (store);
  /* The party in memory as it is in the store again. */
  if (planned != NULL)
    raad_record_set_string (RAAD_RECORD (party), "next-contact", planned);
  return NULL;
}

gboolean
raad_speelveld_plan_contact (RaadStakeholder  *party,
                             const char       *date,
                             GError          **error)
{
  g_autoptr(GDate) parsed = NULL;

  g_return_val_if_fail (RAAD_IS_STAKEHOLDER (party), FALSE);

  if (date != NULL && (parsed = raad_date_parse (date)) == NULL)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   _("“%s” is not a date; write it as YYYY-MM-DD"), date);
      return FALSE;
    }
  raad_record_set_string (RAAD_RECORD (party), "next-contact", date);
  return raad_record_save (RAAD_RECORD (party), error);
}
