/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-perf-generate.c: makes a large fictional organisation for the benchmarks */
#define G_LOG_DOMAIN "raad-perf"

#include "config.h"

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>

#include "raad-agenda.h"
#include "raad-council.h"
#include "raad-member.h"
#include "raad-organisation.h"
#include "raad-perf-generate.h"
#include "raad-query.h"
#include "raad-record-list.h"

static const char * const first_names[] = {
  "Anna", "Bram", "Carla", "Daan", "Els", "Freek", "Gerda", "Hans", "Ineke", "Joost", "Karin",
  "Lars", "Marieke", "Niels", "Olga", "Pieter", "Ria", "Sander", "Truus", "Ubbo", "Vera",
  "Wim", "Yvonne", "Zeger", "Agnes", "Bert", "Corrie", "Dirk", "Fenna", "Gijs",
};
static const char * const last_names[] = {
  "de Boer", "Bakker", "Visser", "Smit", "Meijer", "de Groot", "Mulder", "Bos", "Vos",
  "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
  "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen",
  "van den Heuvel", "van der Veen", "van den Broek", "Schouten", "Willems", "Hoekstra",
};
static const char * const areas[] = {
  "voeding", "veiligheid", "welzijn en dagbesteding", "huisvesting", "kwaliteit van zorg",
  "personeel", "financiën", "communicatie", "achterban", "medicatie", "vrijwilligers",
};
static const char * const expertise[] = {
  "juridisch", "financieel", "zorg (oud-verpleegkundige)", "ICT", "communicatie", "onderwijs",
  "bouw", "HR",
};
static const char * const places[] = {
  "Zwolle", "Deventer", "Apeldoorn", "Kampen", "Dalfsen", "Raalte", "Ommen", "Hardenberg",
  "Meppel", "Steenwijk",
};

static const char * const subjects[] = {
  "Jaarplan cliëntenraad", "Begroting volgend jaar", "Menukeuze in de huiskamers",
  "Dagbesteding in het weekend", "Vervanging van de tilliften", "Rookbeleid tuin",
  "Kwaliteitsrapport", "Inzet van vrijwilligers", "Bezoekregeling feestdagen",
  "Verbouwing afdeling De Linde", "Klachtenregeling", "Medicatieveiligheid",
  "Werving nieuwe leden", "Nieuwsbrief voor bewoners", "Scholing leden", "Parkeren bij de hoofdingang",
  "Wifi op de kamers", "Zomerfeest",
};
static const char * const purposes[] = {
  "information", "discussion", "decision", "advice-request", "consent-request", "unsolicited-advice",
};

static GBytes *
draw_portrait (GRand *rand)
{
  const int size = 320;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, size, size);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autofree char *buffer = NULL;
  gsize len = 0;
  double hue = g_rand_double (rand);

  /* A pastel background, shoulders, a head and hair: never anyone's likeness. */
  cairo_set_source_rgb (cr, 0.75 + 0.2 * hue, 0.85, 0.95 - 0.2 * hue);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, g_rand_double (rand), g_rand_double (rand), g_rand_double (rand));
  cairo_arc (cr, size / 2.0, size * 1.05, size * 0.42, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.95, 0.78 - 0.3 * g_rand_double (rand), 0.65 - 0.3 * g_rand_double (rand));
  cairo_arc (cr, size / 2.0, size * 0.42, size * 0.2, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.3 * g_rand_double (rand), 0.2 * g_rand_double (rand), 0.1);
  cairo_arc (cr, size / 2.0, size * 0.36, size * 0.2, G_PI, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Cairo's RGB24 is 0x00RRGGBB per native-endian word; the pixbuf wants R, G, B bytes. */
  pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, size, size);
  for (int y = 0; y < size; y++)
    {
      const guint32 *src = (const guint32 *) (cairo_image_surface_get_data (surface) +
                                              y * cairo_image_surface_get_stride (surface));
      guchar *dst = gdk_pixbuf_get_pixels (pixbuf) + y * gdk_pixbuf_get_rowstride (pixbuf);

      for (int x = 0; x < size; x++)
        {
          dst[3 * x] = (src[x] >> 16) & 0xff;
          dst[3 * x + 1] = (src[x] >> 8) & 0xff;
          dst[3 * x + 2] = src[x] & 0xff;
        }
    }
  cairo_surface_destroy (surface);
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &len, "jpeg", NULL, "quality", "80", NULL))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&buffer), len);
}

static GStrv
pick (GRand              *rand,
      const char * const *from,
      guint               n_from,
      guint               n)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint start = g_rand_int_range (rand, 0, n_from);

  for (guint i = 0; i < n && i < n_from; i++)
    g_strv_builder_add (builder, from[(start + i * 3) % n_from]);
  return g_strv_builder_end (builder);
}

gboolean
raad_perf_generate (RaadStore  *store,
                    guint       n_councils,
                    guint       n_members,
                    gboolean    photos,
                    guint32     seed,
                    GError    **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) council_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RaadOrganisation) org = raad_organisation_new (store);
  const char * const *roles = raad_member_roles ();

  if (!raad_store_begin (store, error))
    return FALSE;

  raad_organisation_set_name (org, "Zorggroep Grootschalig (testorganisatie)");
  if (!raad_record_save (RAAD_RECORD (org), error))
    goto fail;

  for (guint c = 0; c < n_councils; c++)
    {
      g_autoptr(RaadCouncil) council = raad_council_new (store);
      g_autofree char *name = NULL;

      if (c == 0)
        name = g_strdup ("Centrale Cliëntenraad");
      else
        name = g_strdup_printf ("Lokale raad locatie %03u", c);
      raad_council_set_name (council, name);
      raad_council_set_kind (council, c == 0 ? RAAD_COUNCIL_CENTRAL : RAAD_COUNCIL_LOCAL);
      raad_council_set_location (council, places[c % G_N_ELEMENTS (places)]);
      if (c > 0)
        raad_council_set_parent_id (council, g_ptr_array_index (council_ids, 0));
      if (!raad_record_save (RAAD_RECORD (council), error))
        goto fail;
      g_ptr_array_add (council_ids, g_strdup (raad_record_get_id (RAAD_RECORD (council))));
    }

  for (guint m = 0; m < n_members; m++)
    {
      g_autoptr(RaadMember) member = raad_member_new (store);
      g_autofree char *name = g_strdup_printf ("%s %s", first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
                                               last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))]);
      g_auto(GStrv) member_areas = pick (rand, areas, G_N_ELEMENTS (areas), g_rand_int_range (rand, 1, 4));
      g_auto(GStrv) member_expertise = pick (rand, expertise, G_N_ELEMENTS (expertise), g_rand_int_range (rand, 0, 3));
      guint council = m % MAX (n_councils, 1);
      char end[16];

      raad_member_set_name (member, name);
      raad_member_set_council_id (member, g_ptr_array_index (council_ids, council));
      raad_member_set_role (member, roles[m / MAX (n_councils, 1) < 3 ? m / MAX (n_councils, 1) : 3]);
      raad_member_set_attention_areas (member, (const char * const *) member_areas);
      raad_member_set_expertise (member, (const char * const *) member_expertise);
      raad_member_set_bio (member, "Lid sinds enkele jaren; betrokken bij de locatie en haar bewoners.");
      g_snprintf (end, sizeof end, "%04u-%02u-28", 2026 + g_rand_int_range (rand, 1, 4),
                  g_rand_int_range (rand, 1, 13));
      raad_member_set_term_end (member, end);
      if (m % 97 == 5 && n_councils > 1)
        {
          const char *pins[] = { g_ptr_array_index (council_ids, 0), NULL };
          raad_member_set_linking_pins (member, pins);
        }
      if (photos)
        {
          g_autoptr(GBytes) photo = draw_portrait (rand);

          if (photo != NULL)
            raad_record_set_attachment (RAAD_RECORD (member), RAAD_MEMBER_PHOTO, "image/jpeg", photo);
        }
      if (!raad_record_save (RAAD_RECORD (member), error))
        goto fail;
    }

  return raad_store_commit (store, error);

fail:
  raad_store_rollback (store);
  return FALSE;
}

static gboolean
fill_item (RaadAgendaItem  *item,
           GRand           *rand,
           GPtrArray       *presenters,
           gboolean         sub,
           GError         **error)
{
  g_object_set (item,
                "duration", sub ? 5 : (guint) (5 * g_rand_int_range (rand, 1, 4)),
                "purpose", purposes[g_rand_int_range (rand, 0, G_N_ELEMENTS (purposes))],
                NULL);
  if (presenters->len > 0)
    g_object_set (item, "presenter-id",
                  g_ptr_array_index (presenters, g_rand_int_range (rand, 0, presenters->len)), NULL);
  return raad_record_save (RAAD_RECORD (item), error);
}

gboolean
raad_perf_generate_meetings (RaadStore  *store,
                             guint       n_meetings,
                             guint       n_items,
                             guint32     seed,
                             GError    **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(RaadQuery) council_query = raad_query_new ("council");
  g_autoptr(RaadQuery) member_query = raad_query_new ("member");
  g_autoptr(RaadRecordList) councils = NULL;
  g_autoptr(RaadRecordList) members = NULL;
  g_autoptr(GPtrArray) presenters = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) first = g_date_time_new_local (2023, 6, 1, 0, 0, 0);
  g_autofree char *council_id = NULL;

  raad_query_where_equals (council_query, "name", "Centrale Cliëntenraad");
  councils = raad_record_list_new (store, council_query);
  if (g_list_model_get_n_items (G_LIST_MODEL (councils)) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No central council to give meetings");
      return FALSE;
    }
  council_id = g_strdup (raad_record_list_get_id (councils, 0));
  raad_query_where_equals (member_query, "council_id", council_id);
  members = raad_record_list_new (store, member_query);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (members)); i++)
    g_ptr_array_add (presenters, g_strdup (raad_record_list_get_id (members, i)));

  if (!raad_store_begin (store, error))
    return FALSE;

  for (guint m = 0; m < n_meetings; m++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_weeks (first, m);
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
      g_autoptr(RaadMeeting) meeting = NULL;
      g_autoptr(GPtrArray) items = NULL;
      g_autoptr(GPtrArray) parents = g_ptr_array_new_with_free_func (g_object_unref);
      guint count;

      meeting = raad_agenda_create_meeting (store, council_id, date, "19:00", "22:00",
                                            RAAD_AGENDA_FROM_TEMPLATE, error);
      if (meeting == NULL)
        goto fail;
      items = raad_agenda_list_items (store, raad_record_get_id (RAAD_RECORD (meeting)));
      for (guint i = 0; i < items->len; i++)
        if (!fill_item (items->pdata[i], rand, presenters, FALSE, error))
          goto fail;
      count = items->len;

      /* Subjects, the first few with a sub-item, until the agenda has @n_items items. */
      for (guint s = 0; count < n_items; s++)
        {
          g_autoptr(RaadAgendaItem) item = NULL;
          gboolean sub = s % 3 == 2 && parents->len > 0;
          const char *title = subjects[(m + s) % G_N_ELEMENTS (subjects)];

          if (sub)
            {
              g_autofree char *sub_title = g_strdup_printf ("Toelichting bij %s", title);

              item = raad_agenda_add_item (store, meeting, g_ptr_array_index (parents, parents->len - 1),
                                           sub_title, error);
            }
          else
            item = raad_agenda_add_item (store, meeting, NULL, title, error);
          if (item == NULL || !fill_item (item, rand, presenters, sub, error))
            goto fail;
          if (!sub)
            g_ptr_array_add (parents, g_object_ref (item));
          count++;
        }
    }

  return raad_store_commit (store, error);

fail:
  raad_store_rollback (store);
  return FALSE;
}
