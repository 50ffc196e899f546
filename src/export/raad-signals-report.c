/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-signals-report.c: a council's signals of a period as a PDF for the annual report, without personal data */

/* Design. The report may be handed to anyone (it goes into the annual report), so it prints
 * no personal data. Which fields it prints is not a list kept here: every field the report
 * could print is a candidate, and raad_record_type_field_is_personal() on the signal class
 * decides, so a field marked personal later drops out of the report by itself (the counts per
 * theme, source and status follow their fields too). The signals are read as JSON bodies in
 * one query (RaadSignalStats); no record objects are made.
 *
 * Like the agenda document, paginate() turns the data into a flat list of blocks — title,
 * header lines, section headings, count rows, one block per signal — measures each with Pango
 * and puts it on a page; a block never splits and a heading stays with the block after it.
 * draw_page() draws through the same function that measured. Sizes are points. */

#define G_LOG_DOMAIN "raad-export"

#include "config.h"

#include <glib/gi18n.h>

#include <pango/pangocairo.h>
#include <stdio.h>

#include "raad-council.h"
#include "raad-organisation.h"
#include "raad-draw.h"
#include "raad-pdf.h"
#include "raad-signal.h"
#include "raad-signal-stats.h"
#include "raad-signals-report.h"

#define MARGIN       42.0
#define BODY         10.5
#define SMALL        9.0
#define TITLE        20.0
#define HEADING      13.0
#define INK          0x241f31
#define INK_SOFT     0x5e5c64
#define RULE         0xc0bfbc
#define BAR          0x3584e4

typedef enum
{
  BLOCK_TITLE,     /* text: the report's name, detail: the council */
  BLOCK_META,      /* text */
  BLOCK_NOTE,      /* text, in soft ink */
  BLOCK_HEADING,   /* text */
  BLOCK_COUNT,     /* text: label, count, fraction of the largest */
  BLOCK_SIGNAL,    /* text: the head line, detail: the other fields, a line each */
} BlockKind;

typedef struct
{
  BlockKind  kind;
  char      *text;
  char      *detail;
  guint      count;
  double     fraction;
  double     y;
  double     height;
  guint      page;
} Block;

struct _RaadSignalsReport
{
  GObject     parent_instance;

  RaadStore  *store;
  char       *council_id;
  char       *from;
  char       *to;
  char       *today;
  GType       record_type;

  /* The last pagination. */
  double      width;
  double      height;
  char       *footer;
  GPtrArray  *blocks;   /* Block* */
  guint       n_pages;
  guint       n_signals;
};

G_DEFINE_FINAL_TYPE (RaadSignalsReport, raad_signals_report, G_TYPE_OBJECT)

/* In the order of the report: the head line first (date, theme, location), then the rest. */
static const char * const candidate_fields[] = {
  "received", "theme", "location", "source", "status", "text", "raised_by", "handled",
  "outcome", "feedback_due", "feedback_given", "feedback_how", NULL
};

static const char * const head_fields[] = { "received", "theme", "location", NULL };
static const char * const date_fields[] = {
  "received", "handled", "feedback_due", "feedback_given", NULL
};

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_free (block->detail);
  g_free (block);
}

static Block *
add_block (RaadSignalsReport *self,
           BlockKind          kind,
           const char        *text,
           const char        *detail)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  block->detail = g_strdup (detail);
  g_ptr_array_add (self->blocks, block);
  return block;
}

static void
clear_layout (RaadSignalsReport *self)
{
  g_clear_pointer (&self->footer, g_free);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  self->n_pages = 0;
  self->n_signals = 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Words                                                                                        */

static const char *
source_label (const char *source)
{
  if (g_strcmp0 (source, "living-room") == 0)
    return _("Living-room talk");
  if (g_strcmp0 (source, "department-meeting") == 0)
    return _("Department meeting");
  if (g_strcmp0 (source, "exit-visit") == 0)
    return _("Exit visit");
  if (g_strcmp0 (source, "survey") == 0)
    return _("Survey");
  if (g_strcmp0 (source, "email") == 0)
    return _("E-mail");
  if (g_strcmp0 (source, "mystery-guest") == 0)
    return _("Mystery guest");
  if (source == NULL || *source == '\0')
    /* TRANSLATORS: a signal whose source, theme or location is not filled in */
    return _("Not given");
  if (g_strcmp0 (source, "other") == 0)
    return _("Other");
  return source;
}

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "on-agenda") == 0)
    return _("On the agenda");
  if (g_strcmp0 (status, "handled") == 0)
    return _("Handled");
  if (g_strcmp0 (status, "feedback-given") == 0)
    return _("Feedback given");
  if (status == NULL || *status == '\0' || g_strcmp0 (status, "new") == 0)
    /* TRANSLATORS: the status of a signal nobody has acted on yet */
    return _("New");
  return status;
}

static const char *
field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "received", N_("Received") },
    { "theme", N_("Theme") },
    { "location", N_("Location") },
    { "source", N_("Source") },
    { "status", N_("Status") },
    { "text", N_("Signal") },
    { "raised_by", N_("Raised by") },
    { "handled", N_("Handled on") },
    { "outcome", N_("Outcome") },
    { "feedback_due", N_("Feedback due") },
    { "feedback_given", N_("Feedback given on") },
    { "feedback_how", N_("Feedback") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].field, field))
      return _(labels[i].label);
  return field;
}

/* "12 March 2026" from "2026-03-12"; the text itself when it is no date. */
static char *
format_date (const char *date)
{
  int year, month, day;
  g_autoptr(GDateTime) time = NULL;

  if (date == NULL || sscanf (date, "%d-%d-%d", &year, &month, &day) != 3
      || (time = g_date_time_new_utc (year, month, day, 0, 0, 0)) == NULL)
    return g_strdup (date);
  /* TRANSLATORS: a date in the signals report, see g_date_time_format(): "12 March 2026" */
  /* xgettext:no-c-format */
  return g_date_time_format (time, _("%-e %B %Y"));
}

static const char *
body_string (JsonObject *body,
             const char *field)
{
  JsonNode *node = json_object_get_member (body, field);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The value of @field as the report prints it, or NULL when empty. */
static char *
dup_field_text (JsonObject *body,
                const char *field)
{
  const char *value = body_string (body, field);

  if (value == NULL || *value == '\0')
    return NULL;
  if (g_str_equal (field, "source"))
    return g_strdup (source_label (value));
  if (g_str_equal (field, "status"))
    return g_strdup (status_label (value));
  if (g_strv_contains (date_fields, field))
    return format_date (value);
  return g_strdup (value);
}

/* ------------------------------------------------------------------------------------------ */
/* Drawing                                                                                      */

static double
layout_block (RaadSignalsReport *self,
              cairo_t           *cr,
              Block             *block,
              gboolean           draw,
              double             y)
{
  double left = MARGIN;
  double right = self->width - MARGIN;
  double h = 0;

  switch (block->kind)
    {
    case BLOCK_TITLE:
      h += raad_draw_place_text (cr, draw, block->text, TITLE, PANGO_WEIGHT_BOLD, left, y, right - left, INK);
      h += 2;
      h += raad_draw_place_text (cr, draw, block->detail, BODY + 2, PANGO_WEIGHT_SEMIBOLD, left, y + h,
                       right - left, INK);
      return h;

    case BLOCK_META:
      return raad_draw_place_text (cr, draw, block->text, BODY, PANGO_WEIGHT_NORMAL, left, y,
                         right - left, INK);

    case BLOCK_NOTE:
      return raad_draw_place_text (cr, draw, block->text, SMALL, PANGO_WEIGHT_NORMAL, left, y,
                         right - left, INK_SOFT);

    case BLOCK_HEADING:
      h = raad_draw_place_text (cr, draw, block->text, HEADING, PANGO_WEIGHT_BOLD, left, y, right - left, INK);
      if (draw)
        {
          raad_draw_set_colour (cr, RULE);
          cairo_set_line_width (cr, 0.75);
          cairo_move_to (cr, left, y + h + 2);
          cairo_line_to (cr, right, y + h + 2);
          cairo_stroke (cr);
        }
      return h + 4;

    case BLOCK_COUNT:
      {
        /* label | count | a bar as long as its share of the largest count */
        double label_w = (right - left) * 0.45;
        double number_x = left + label_w + 8;
        double number_w = 36;
        double bar_x = number_x + number_w + 8;
        g_autofree char *number = g_strdup_printf ("%u", block->count);
        g_autoptr(PangoLayout) layout = raad_draw_layout (cr, number, BODY, PANGO_WEIGHT_NORMAL, 0, 0, PANGO_ALIGN_LEFT);
        int w, lh;

        h = raad_draw_place_text (cr, draw, block->text, BODY, PANGO_WEIGHT_NORMAL, left, y, label_w, INK);
        pango_layout_get_size (layout, &w, &lh);
        if (draw)
          {
            double line = (double) lh / PANGO_SCALE;

            raad_draw_set_colour (cr, INK);
            cairo_move_to (cr, number_x + number_w - (double) w / PANGO_SCALE, y);
            pango_cairo_show_layout (cr, layout);
            if (block->fraction > 0)
              {
                raad_draw_set_colour (cr, BAR);
                cairo_rectangle (cr, bar_x, y + line * 0.2,
                                 MAX ((right - bar_x) * block->fraction, 1), line * 0.6);
                cairo_fill (cr);
              }
          }
        return MAX (h, (double) lh / PANGO_SCALE);
      }

    case BLOCK_SIGNAL:
      h = raad_draw_place_text (cr, draw, block->text, BODY, PANGO_WEIGHT_BOLD, left, y, right - left, INK);
      if (block->detail != NULL)
        h += 1 + raad_draw_place_text (cr, draw, block->detail, SMALL, PANGO_WEIGHT_NORMAL, left + 12,
                             y + h + 1, right - left - 12, INK);
      return h;

    default:
      g_assert_not_reached ();
    }
  return 0;
}

static void
draw_footer (RaadSignalsReport *self,
             cairo_t           *cr,
             int                page)
{
  /* TRANSLATORS: the footer of every printed page */
  g_autofree char *pages = g_strdup_printf (_("Page %d of %u"), page + 1, self->n_pages);
  g_autofree char *text = self->footer != NULL ? g_strdup_printf ("%s · %s", self->footer, pages)
                                               : g_strdup (pages);
  g_autoptr(PangoLayout) layout = raad_draw_layout (cr, text, 8, PANGO_WEIGHT_NORMAL,
                                                 self->width - 2 * MARGIN, 0, PANGO_ALIGN_LEFT);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  raad_draw_set_colour (cr, INK_SOFT);
  cairo_move_to (cr, MARGIN, self->height - MARGIN + 6);
  pango_cairo_show_layout (cr, layout);
}

/* ------------------------------------------------------------------------------------------ */
/* Reading the store                                                                            */

typedef struct
{
  char  *label;
  guint  count;
} Tally;

static void
tally_free (gpointer data)
{
  Tally *tally = data;

  g_free (tally->label);
  g_free (tally);
}

static void
tally_add (GPtrArray  *tallies,
           const char *label)
{
  Tally *tally;

  for (guint i = 0; i < tallies->len; i++)
    {
      tally = g_ptr_array_index (tallies, i);
      if (g_str_equal (tally->label, label))
        {
          tally->count++;
          return;
        }
    }
  tally = g_new0 (Tally, 1);
  tally->label = g_strdup (label);
  tally->count = 1;
  g_ptr_array_add (tallies, tally);
}

static int
compare_tallies (gconstpointer a,
                 gconstpointer b)
{
  const Tally *x = *(const Tally * const *) a;
  const Tally *y = *(const Tally * const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_utf8_collate (x->label, y->label);
}

static void
add_tallies (RaadSignalsReport *self,
             const char        *heading,
             GPtrArray         *tallies)
{
  guint max = 0;

  if (tallies->len == 0)
    return;
  g_ptr_array_sort (tallies, compare_tallies);
  for (guint i = 0; i < tallies->len; i++)
    max = MAX (max, ((Tally *) g_ptr_array_index (tallies, i))->count);
  add_block (self, BLOCK_HEADING, heading, NULL);
  for (guint i = 0; i < tallies->len; i++)
    {
      Tally *tally = g_ptr_array_index (tallies, i);
      Block *block = add_block (self, BLOCK_COUNT, tally->label, NULL);

      block->count = tally->count;
      block->fraction = max > 0 ? (double) tally->count / max : 0;
    }
}

static void
add_count (RaadSignalsReport *self,
           const char        *label,
           guint              count,
           guint              max)
{
  Block *block = add_block (self, BLOCK_COUNT, label, NULL);

  block->count = count;
  block->fraction = max > 0 ? (double) count / max : 0;
}

/* Whether the signal's feedback came on time, late, or not yet (overdue or not). */
typedef struct
{
  guint on_time;
  guint late;
  guint overdue;
  guint pending;
  guint not_owed;
} Feedback;

static void
count_feedback (RaadSignalsReport *self,
                JsonObject        *body,
                Feedback          *feedback)
{
  const char *due = body_string (body, "feedback_due");
  const char *given = body_string (body, "feedback_given");
  gboolean owed = json_object_has_member (body, "feedback_owed")
                  ? json_object_get_boolean_member_with_default (body, "feedback_owed", FALSE)
                  : due != NULL;

  if (given != NULL && *given != '\0')
    {
      if (due != NULL && *due != '\0' && g_strcmp0 (given, due) > 0)
        feedback->late++;
      else
        feedback->on_time++;
    }
  else if (!owed)
    feedback->not_owed++;
  else if (due != NULL && *due != '\0' && g_strcmp0 (due, self->today) < 0)
    feedback->overdue++;
  else
    feedback->pending++;
}

static char *
dup_signal_detail (JsonObject  *body,
                   const char * const *fields)
{
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autoptr(GPtrArray) short_parts = g_ptr_array_new_with_free_func (g_free);

  /* Dates and codes share one line; free text gets a line of its own. */
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *value = NULL;

      if (g_strv_contains (head_fields, fields[i]))
        continue;
      value = dup_field_text (body, fields[i]);
      if (value == NULL)
        continue;
      if (g_str_equal (fields[i], "source") || g_str_equal (fields[i], "status")
          || g_strv_contains (date_fields, fields[i]))
        /* TRANSLATORS: a field of a signal in the report: "Source: Survey" */
        g_ptr_array_add (short_parts, g_strdup_printf (_("%s: %s"), field_label (fields[i]), value));
      else
        {
          if (detail->len > 0)
            g_string_append_c (detail, '\n');
          g_string_append_printf (detail, _("%s: %s"), field_label (fields[i]), value);
        }
    }
  if (short_parts->len > 0)
    {
      g_autofree char *line = NULL;

      g_ptr_array_add (short_parts, NULL);
      line = g_strjoinv (" · ", (char **) short_parts->pdata);
      g_string_prepend (detail, detail->len > 0 ? "\n" : "");
      g_string_prepend (detail, line);
    }
  return detail->len > 0 ? g_string_free (g_steal_pointer (&detail), FALSE) : NULL;
}

static char *
dup_signal_head (JsonObject  *body,
                 const char * const *fields)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; head_fields[i] != NULL; i++)
    {
      char *value;

      if (!g_strv_contains (fields, head_fields[i]))
        continue;
      value = dup_field_text (body, head_fields[i]);
      g_ptr_array_add (parts, value != NULL ? value : g_strdup (_("Not given")));
    }
  if (parts->len == 0)
    return g_strdup (_("Signal"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static char *
dup_period (RaadSignalsReport *self)
{
  g_autofree char *from = format_date (self->from);
  g_autofree char *to = format_date (self->to);

  if (from != NULL && to != NULL)
    /* TRANSLATORS: a period: "1 January 2025 – 31 December 2025" */
    return g_strdup_printf (_("%s – %s"), from, to);
  if (from != NULL)
    /* TRANSLATORS: a period without an end */
    return g_strdup_printf (_("from %s"), from);
  if (to != NULL)
    /* TRANSLATORS: a period without a start */
    return g_strdup_printf (_("until %s"), to);
  return g_strdup (_("all time"));
}

/* Says which fields were left out, as the record class marks them. */
static void
add_privacy_note (RaadSignalsReport *self)
{
  g_autoptr(GPtrArray) left_out = g_ptr_array_new ();
  g_autofree char *list = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; candidate_fields[i] != NULL; i++)
    if (raad_record_type_field_is_personal (self->record_type, candidate_fields[i]))
      g_ptr_array_add (left_out, (gpointer) field_label (candidate_fields[i]));
  if (left_out->len == 0)
    return;
  g_ptr_array_add (left_out, NULL);
  list = g_strjoinv (", ", (char **) left_out->pdata);
  /* TRANSLATORS: %s lists the fields left out: "Signal, Raised by" */
  text = g_strdup_printf (_("This report holds no personal data. Left out: %s."), list);
  add_block (self, BLOCK_NOTE, text, NULL);
}

static void
load_blocks (RaadSignalsReport *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bodies = NULL;
  g_autoptr(RaadOrganisation) organisation = raad_organisation_load_default (self->store);
  g_autoptr(RaadRecord) council = NULL;
  g_auto(GStrv) fields = raad_signals_report_printable_fields (self->record_type);
  g_autoptr(GPtrArray) themes = g_ptr_array_new_with_free_func (tally_free);
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (tally_free);
  g_autoptr(GPtrArray) statuses = g_ptr_array_new_with_free_func (tally_free);
  g_autofree char *period = dup_period (self);
  g_autofree char *text = NULL;
  const char *council_name = NULL;
  Feedback feedback = { 0 };
  gboolean dates_printable;

  council = raad_record_load (self->store, self->council_id, NULL);
  if (council != NULL)
    council_name = raad_record_get_string (council, "name");
  if (council_name == NULL)
    council_name = _("Unknown council");
  self->footer = g_strdup_printf ("%s · %s", council_name, period);

  add_block (self, BLOCK_TITLE, _("Signals from the constituency"), council_name);
  if (organisation != NULL && raad_organisation_get_name (organisation) != NULL)
    add_block (self, BLOCK_META, raad_organisation_get_name (organisation), NULL);
  /* TRANSLATORS: a header line of the signals report */
  text = g_strdup_printf (_("Period: %s"), period);
  add_block (self, BLOCK_META, text, NULL);
  add_privacy_note (self);

  bodies = raad_signal_stats_list_bodies (self->store, self->council_id, self->from, self->to,
                                          &error);
  if (bodies == NULL)
    {
      g_warning ("Cannot read the signals for the report: %s", error->message);
      add_block (self, BLOCK_META, _("The signals could not be read."), NULL);
      return;
    }
  self->n_signals = bodies->len;

  g_clear_pointer (&text, g_free);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u signal received in this period.",
                                       "%u signals received in this period.", bodies->len),
                          bodies->len);
  add_block (self, BLOCK_HEADING, _("Summary"), NULL);
  add_block (self, BLOCK_META, text, NULL);
  if (bodies->len == 0)
    return;

  for (guint i = 0; i < bodies->len; i++)
    {
      JsonObject *body = g_ptr_array_index (bodies, i);
      const char *theme = body_string (body, "theme");

      tally_add (themes, theme != NULL && *theme != '\0' ? theme : _("Not given"));
      tally_add (sources, source_label (body_string (body, "source")));
      tally_add (statuses, status_label (body_string (body, "status")));
      count_feedback (self, body, &feedback);
    }

  /* A count by a field only when that field may be printed. */
  if (g_strv_contains ((const char * const *) fields, "theme"))
    add_tallies (self, _("Per theme"), themes);
  if (g_strv_contains ((const char * const *) fields, "source"))
    add_tallies (self, _("Per source"), sources);
  if (g_strv_contains ((const char * const *) fields, "status"))
    add_tallies (self, _("Per status"), statuses);

  dates_printable = g_strv_contains ((const char * const *) fields, "feedback_due")
                    && g_strv_contains ((const char * const *) fields, "feedback_given");
  if (dates_printable)
    {
      /* Bars as long as their share of the largest, as in the tallies above. */
      guint max = MAX (MAX (MAX (feedback.on_time, feedback.late),
                            MAX (feedback.overdue, feedback.pending)), feedback.not_owed);

      add_block (self, BLOCK_HEADING, _("Feedback to the constituency"), NULL);
      add_count (self, _("Given on time"), feedback.on_time, max);
      add_count (self, _("Given late"), feedback.late, max);
      add_count (self, _("Not yet given, overdue"), feedback.overdue, max);
      add_count (self, _("Not yet given, not yet due"), feedback.pending, max);
      add_count (self, _("No feedback owed"), feedback.not_owed, max);
    }

  add_block (self, BLOCK_HEADING, _("The signals"), NULL);
  for (guint i = 0; i < bodies->len; i++)
    {
      JsonObject *body = g_ptr_array_index (bodies, i);
      g_autofree char *head = dup_signal_head (body, (const char * const *) fields);
      g_autofree char *detail = dup_signal_detail (body, (const char * const *) fields);

      add_block (self, BLOCK_SIGNAL, head, detail);
    }
}

static double
gap_before (Block *previous,
            Block *block)
{
  if (previous == NULL)
    return 0;
  if (previous->kind == BLOCK_TITLE)
    return 10;
  if (block->kind == BLOCK_HEADING)
    return 18;
  if (block->kind == BLOCK_SIGNAL)
    return previous->kind == BLOCK_HEADING ? 6 : 8;
  if (block->kind == BLOCK_COUNT && previous->kind == BLOCK_HEADING)
    return 6;
  return 3;
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                      */

static void
raad_signals_report_finalize (GObject *object)
{
  RaadSignalsReport *self = RAAD_SIGNALS_REPORT (object);

  clear_layout (self);
  g_clear_object (&self->store);
  g_free (self->council_id);
  g_free (self->from);
  g_free (self->to);
  g_free (self->today);

  G_OBJECT_CLASS (raad_signals_report_parent_class)->finalize (object);
}

static void
raad_signals_report_class_init (RaadSignalsReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = raad_signals_report_finalize;
}

static void
raad_signals_report_init (RaadSignalsReport *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->record_type = RAAD_TYPE_SIGNAL;
  self->today = g_date_time_format (now, "%Y-%m-%d");
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                   */

const char * const *
raad_signals_report_candidate_fields (void)
{
  return candidate_fields;
}

GStrv
raad_signals_report_printable_fields (GType record_type)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (g_type_is_a (record_type, RAAD_TYPE_RECORD), NULL);

  for (guint i = 0; candidate_fields[i] != NULL; i++)
    if (!raad_record_type_field_is_personal (record_type, candidate_fields[i]))
      g_strv_builder_add (builder, candidate_fields[i]);
  return g_strv_builder_end (builder);
}

RaadSignalsReport *
raad_signals_report_new (RaadStore  *store,
                         const char *council_id,
                         const char *from,
                         const char *to)
{
  RaadSignalsReport *self;

  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);
  g_return_val_if_fail (council_id != NULL, NULL);

  self = g_object_new (RAAD_TYPE_SIGNALS_REPORT, NULL);
  self->store = g_object_ref (store);
  self->council_id = g_strdup (council_id);
  self->from = g_strdup (from);
  self->to = g_strdup (to);
  return self;
}

void
raad_signals_report_set_record_type (RaadSignalsReport *self,
                                     GType              record_type)
{
  g_return_if_fail (RAAD_IS_SIGNALS_REPORT (self));
  g_return_if_fail (g_type_is_a (record_type, RAAD_TYPE_RECORD));

  self->record_type = record_type;
}

void
raad_signals_report_set_today (RaadSignalsReport *self,
                               const char        *today)
{
  g_return_if_fail (RAAD_IS_SIGNALS_REPORT (self));
  g_return_if_fail (today != NULL);

  g_free (self->today);
  self->today = g_strdup (today);
}

int
raad_signals_report_paginate (RaadSignalsReport *self,
                              cairo_t           *cr,
                              double             width,
                              double             height)
{
  double top = MARGIN, bottom = height - MARGIN - 18, y = top;
  Block *previous = NULL;
  guint page = 0;

  g_return_val_if_fail (RAAD_IS_SIGNALS_REPORT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);

  clear_layout (self);
  self->width = width;
  self->height = height;
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  load_blocks (self);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      double gap = gap_before (previous, block);
      double needed;

      block->height = layout_block (self, cr, block, FALSE, 0);
      needed = block->height;
      /* A heading stays with the first block under it. */
      if (block->kind == BLOCK_HEADING && i + 1 < self->blocks->len)
        {
          Block *next = g_ptr_array_index (self->blocks, i + 1);

          needed += gap_before (block, next) + layout_block (self, cr, next, FALSE, 0);
        }
      if (y > top && y + gap + needed > bottom)
        {
          page++;
          y = top;
        }
      else
        y += gap;
      block->y = y;
      block->page = page;
      y += block->height;
      previous = block;
    }

  self->n_pages = page + 1;
  return self->n_pages;
}

int
raad_signals_report_get_n_pages (RaadSignalsReport *self)
{
  g_return_val_if_fail (RAAD_IS_SIGNALS_REPORT (self), 0);

  return self->n_pages;
}

guint
raad_signals_report_get_n_signals (RaadSignalsReport *self)
{
  g_return_val_if_fail (RAAD_IS_SIGNALS_REPORT (self), 0);

  return self->n_signals;
}

void
raad_signals_report_draw_page (RaadSignalsReport *self,
                               cairo_t           *cr,
                               int                page)
{
  g_return_if_fail (RAAD_IS_SIGNALS_REPORT (self));
  g_return_if_fail (self->blocks != NULL);
  g_return_if_fail (page >= 0 && (guint) page < self->n_pages);

  cairo_save (cr);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      if (block->page == (guint) page)
        layout_block (self, cr, block, TRUE, block->y);
    }
  draw_footer (self, cr, page);
  cairo_restore (cr);
}

static char *
pdf_title (gpointer document)
{
  RaadSignalsReport *self = document;

  /* TRANSLATORS: the PDF's title: "Signals — Lokale raad De Linde · 1 January 2025 – 31 December 2025" */
  return g_strdup_printf (_("Signals — %s"), self->footer != NULL ? self->footer : "");
}

gboolean
raad_signals_report_export_pdf (RaadSignalsReport  *self,
                                const char         *path,
                                GError            **error)
{
  g_return_val_if_fail (RAAD_IS_SIGNALS_REPORT (self), FALSE);

  return raad_pdf_export (self, (RaadPdfPaginate) raad_signals_report_paginate,
                          (RaadPdfDrawPage) raad_signals_report_draw_page, pdf_title,
                          RAAD_SIGNALS_REPORT_PAGE_WIDTH, RAAD_SIGNALS_REPORT_PAGE_HEIGHT, path,
                          error);
}
