/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-agenda-document.c: a meeting's agenda or minutes laid out on pages, for PDF and print */

/* Like the face-book document, one drawing routine serves the PDF export and GtkPrintOperation.
 * paginate() reads the meeting once (raad-agenda-outline) into a flat list of blocks — the
 * header, one block per agenda item, the notes under an item (carried action points, items
 * other councils shared, minutes, decisions, action points) — measures each block with Pango
 * on the caller's cairo context and puts it on a page; a block never splits. draw_page() draws
 * the blocks of one page through the same function that measured them. Sizes are points.
 *
 * The large-print variant changes sizes and the shape of an item: instead of the columns
 * number | time | title, the number and time take one line, the title the next and the
 * details a third, so that no line has to hold many things at 18 pt.
 */

#define G_LOG_DOMAIN "raad-export"

#include "config.h"

#include <glib/gi18n.h>

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "raad-agenda.h"
#include "raad-agenda-document.h"
#include "raad-agenda-outline.h"
#include "raad-draw.h"
#include "raad-pdf.h"

#define DEFAULT_MARGIN  42.0

/* Colours as 0xRRGGBB: the normal print uses GNOME's dark ink; large print pure black. */
#define INK             0x241f31
#define INK_SOFT        0x5e5c64
#define INK_LARGE       0x000000
#define RULE            0xc0bfbc
#define WARNING_INK     0xa51d2d
#define WARNING_FILL    0xfbe3e4

typedef enum
{
  BLOCK_TITLE,     /* text: council name, detail: "Agenda" / "Minutes" */
  BLOCK_META,      /* text: "Date: …" */
  BLOCK_WARNING,   /* text */
  BLOCK_ITEM,      /* number, time, text (title), detail */
  BLOCK_LABEL,     /* a small heading under an item: "Open action points" */
  BLOCK_NOTE,      /* a bullet under an item: text, detail */
  BLOCK_TEXT,      /* a paragraph under an item: label (number), text */
  BLOCK_NOTICE,    /* the meeting does not exist */
} BlockKind;

typedef struct
{
  BlockKind  kind;
  guint      depth;
  char      *number;
  char      *time;
  char      *text;
  char      *detail;
  double     y;
  double     height;
  guint      page;
} Block;

typedef struct
{
  double body;
  double small;
  double title;
  double item_gap;
  double line_gap;
  double number_width;
  double time_width;
  double indent;
  guint32 ink;
  guint32 ink_soft;
} Metrics;

struct _RaadAgendaDocument
{
  GObject                 parent_instance;

  RaadStore              *store;
  char                   *meeting_id;
  RaadAgendaDocumentKind  kind;
  gboolean                large_print;
  double                  margin;

  /* The last pagination. */
  Metrics                 m;
  double                  width;
  double                  height;
  char                   *footer;
  GPtrArray              *blocks;   /* Block* */
  guint                   n_pages;
};

enum
{
  PROP_0,
  PROP_STORE,
  PROP_MEETING_ID,
  PROP_KIND,
  PROP_LARGE_PRINT,
  PROP_MARGIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RaadAgendaDocument, raad_agenda_document, G_TYPE_OBJECT)

GType
raad_agenda_document_kind_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { RAAD_AGENDA_DOCUMENT_AGENDA, "RAAD_AGENDA_DOCUMENT_AGENDA", "agenda" },
    { RAAD_AGENDA_DOCUMENT_MINUTES, "RAAD_AGENDA_DOCUMENT_MINUTES", "minutes" },
    { 0, NULL, NULL },
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("RaadAgendaDocumentKind", values));
  return type;
}

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->number);
  g_free (block->time);
  g_free (block->text);
  g_free (block->detail);
  g_free (block);
}

static Block *
add_block (RaadAgendaDocument *self,
           BlockKind           kind,
           guint               depth,
           const char         *text,
           const char         *detail)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->depth = depth;
  block->text = g_strdup (text);
  block->detail = g_strdup (detail);
  g_ptr_array_add (self->blocks, block);
  return block;
}

static void
clear_layout (RaadAgendaDocument *self)
{
  g_clear_pointer (&self->footer, g_free);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  self->n_pages = 0;
}

static void
set_metrics (RaadAgendaDocument *self)
{
  Metrics *m = &self->m;

  if (self->large_print)
    {
      m->body = 18;
      m->small = 16;
      m->title = 26;
      m->item_gap = 16;
      m->line_gap = 4;
      m->number_width = 0;
      m->time_width = 0;
      m->indent = 30;
      m->ink = INK_LARGE;
      m->ink_soft = INK_LARGE;
    }
  else
    {
      m->body = 11;
      m->small = 9;
      m->title = 20;
      m->item_gap = 9;
      m->line_gap = 2;
      m->number_width = 34;
      m->time_width = 62;
      m->indent = 24;
      m->ink = INK;
      m->ink_soft = INK_SOFT;
    }
}

/* Where the text of an item of @depth starts, and the notes under it. */
static double
text_x (RaadAgendaDocument *self,
        guint               depth)
{
  return self->margin + depth * self->m.indent + self->m.number_width + self->m.time_width;
}

/* Measures (and with @draw, draws) @block with its top at @y; returns its height. */
static double
layout_block (RaadAgendaDocument *self,
              cairo_t            *cr,
              Block              *block,
              gboolean            draw,
              double              y)
{
  const Metrics *m = &self->m;
  double left = self->margin;
  double right = self->width - self->margin;
  double h = 0;

  switch (block->kind)
    {
    case BLOCK_TITLE:
      h += raad_draw_place_text (cr, draw, block->text, m->title, PANGO_WEIGHT_BOLD, left, y,
                       right - left, m->ink);
      h += m->line_gap;
      h += raad_draw_place_text (cr, draw, block->detail, m->body + 2, PANGO_WEIGHT_SEMIBOLD, left,
                       y + h, right - left, m->ink);
      h += m->line_gap * 2;
      if (draw)
        {
          raad_draw_set_colour (cr, self->large_print ? INK_LARGE : RULE);
          cairo_set_line_width (cr, self->large_print ? 2 : 1);
          cairo_move_to (cr, left, y + h + 1);
          cairo_line_to (cr, right, y + h + 1);
          cairo_stroke (cr);
        }
      h += 4;
      return h;

    case BLOCK_META:
    case BLOCK_NOTICE:
      return raad_draw_place_text (cr, draw, block->text, m->body, PANGO_WEIGHT_NORMAL, left, y,
                         right - left, m->ink);

    case BLOCK_WARNING:
      {
        double pad = self->large_print ? 8 : 5;
        double text_h = raad_draw_place_text (cr, FALSE, block->text, m->body, PANGO_WEIGHT_BOLD,
                                    left + 2 * pad, y + pad, right - left - 3 * pad, 0);

        if (draw)
          {
            raad_draw_set_colour (cr, self->large_print ? 0xffffff : WARNING_FILL);
            cairo_rectangle (cr, left, y, right - left, text_h + 2 * pad);
            cairo_fill (cr);
            raad_draw_set_colour (cr, self->large_print ? INK_LARGE : WARNING_INK);
            cairo_rectangle (cr, left, y, self->large_print ? 6 : 4, text_h + 2 * pad);
            cairo_fill (cr);
            if (self->large_print)
              {
                cairo_set_line_width (cr, 2);
                cairo_rectangle (cr, left + 1, y + 1, right - left - 2, text_h + 2 * pad - 2);
                cairo_stroke (cr);
              }
            raad_draw_place_text (cr, TRUE, block->text, m->body, PANGO_WEIGHT_BOLD, left + 2 * pad,
                        y + pad, right - left - 3 * pad,
                        self->large_print ? INK_LARGE : WARNING_INK);
          }
        return text_h + 2 * pad;
      }

    case BLOCK_ITEM:
      {
        double x = left + block->depth * m->indent;
        PangoWeight weight = block->depth == 0 ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_SEMIBOLD;

        if (self->large_print)
          {
            g_autofree char *head = block->time != NULL
              ? g_strdup_printf ("%s    %s", block->number, block->time)
              : g_strdup (block->number);

            h += raad_draw_place_text (cr, draw, head, m->body, PANGO_WEIGHT_BOLD, x, y, right - x, m->ink);
            h += raad_draw_place_text (cr, draw, block->text, m->body, weight, x, y + h, right - x, m->ink);
            if (block->detail != NULL)
              h += raad_draw_place_text (cr, draw, block->detail, m->small, PANGO_WEIGHT_NORMAL, x, y + h,
                               right - x, m->ink_soft);
            return h;
          }
        else
          {
            double tx = text_x (self, block->depth);
            double number_h, time_h;

            number_h = raad_draw_place_text (cr, draw, block->number, m->body, weight, x, y,
                                   m->number_width, m->ink);
            time_h = raad_draw_place_text (cr, draw, block->time, m->body, PANGO_WEIGHT_NORMAL,
                                 x + m->number_width, y, m->time_width, m->ink);
            h = raad_draw_place_text (cr, draw, block->text, m->body, weight, tx, y, right - tx, m->ink);
            if (block->detail != NULL)
              h += m->line_gap + raad_draw_place_text (cr, draw, block->detail, m->small,
                                             PANGO_WEIGHT_NORMAL, tx, y + h + m->line_gap,
                                             right - tx, m->ink_soft);
            return MAX (h, MAX (number_h, time_h));
          }
      }

    case BLOCK_LABEL:
      {
        double tx = text_x (self, block->depth);

        return raad_draw_place_text (cr, draw, block->text, m->small, PANGO_WEIGHT_BOLD, tx, y,
                           right - tx, m->ink);
      }

    case BLOCK_NOTE:
      {
        double tx = text_x (self, block->depth);
        double bullet = m->small;

        raad_draw_place_text (cr, draw, "•", m->small, PANGO_WEIGHT_NORMAL, tx, y, bullet, m->ink);
        h = raad_draw_place_text (cr, draw, block->text, m->small, PANGO_WEIGHT_NORMAL, tx + bullet, y,
                        right - tx - bullet, m->ink);
        if (block->detail != NULL)
          h += raad_draw_place_text (cr, draw, block->detail, m->small, PANGO_WEIGHT_NORMAL, tx + bullet,
                           y + h, right - tx - bullet, m->ink_soft);
        return h;
      }

    case BLOCK_TEXT:
      {
        double tx = text_x (self, block->depth);

        h = raad_draw_place_text (cr, draw, block->detail, m->small, PANGO_WEIGHT_BOLD, tx, y,
                        right - tx, m->ink);
        h += raad_draw_place_text (cr, draw, block->text, m->body, PANGO_WEIGHT_NORMAL, tx, y + h,
                         right - tx, m->ink);
        return h;
      }

    default:
      g_assert_not_reached ();
    }
  return 0;
}

static void
draw_footer (RaadAgendaDocument *self,
             cairo_t            *cr,
             int                 page)
{
  /* TRANSLATORS: the footer of every printed page */
  g_autofree char *pages = g_strdup_printf (_("Page %d of %u"), page + 1, self->n_pages);
  /* Large print has room for the page number only. */
  g_autofree char *text = self->footer != NULL && !self->large_print ? g_strdup_printf ("%s · %s", self->footer, pages)
                                               : g_strdup (pages);
  double size = self->large_print ? 16 : 8;
  g_autoptr(PangoLayout) layout = raad_draw_layout (cr, text, size, PANGO_WEIGHT_NORMAL,
                                                 self->width - 2 * self->margin, 0, PANGO_ALIGN_LEFT);
  int w, h;

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_size (layout, &w, &h);
  raad_draw_set_colour (cr, self->m.ink_soft);
  cairo_move_to (cr, self->margin, self->height - self->margin + 6);
  pango_cairo_show_layout (cr, layout);
}

/* ------------------------------------------------------------------------------------------ */
/* Reading the store                                                                            */

static char *
dup_item_detail (RaadAgendaDocument *self,
                 RaadAgendaLine     *line)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (line->purpose != NULL && (line->standard == NULL || self->large_print == FALSE))
    g_ptr_array_add (parts, g_strdup (line->purpose));
  /* TRANSLATORS: a duration in minutes: "15 min" */
  g_ptr_array_add (parts, g_strdup_printf (_("%u min"), line->duration));
  if (line->presenter != NULL)
    /* TRANSLATORS: who introduces an agenda item */
    g_ptr_array_add (parts, g_strdup_printf (_("Presenter: %s"), line->presenter));
  if (line->guest != NULL)
    /* TRANSLATORS: a guest who joins the meeting at an agenda item */
    g_ptr_array_add (parts, g_strdup_printf (_("Guest: %s"), line->guest));
  if (line->documents != NULL)
    /* TRANSLATORS: the documents attached to an agenda item, by file name */
    g_ptr_array_add (parts, g_strdup_printf (_("Documents: %s"), line->documents));
  g_ptr_array_add (parts, NULL);
  /* Large print: one thing per line. */
  return g_strjoinv (self->large_print ? "\n" : " · ", (char **) parts->pdata);
}

static char *
dup_action_detail (RaadAgendaDocument *self,
                   RaadRecord         *point)
{
  g_autofree char *owner = raad_agenda_dup_member_name (self->store,
                                                        raad_record_get_string (point, "owner-id"));
  g_autofree char *due = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  /* TRANSLATORS: a date as in "6 February 2027"; see g_date_time_format() */
  /* xgettext:no-c-format */
  due = raad_agenda_format_date (raad_record_get_string (point, "due"), _("%-e %B %Y"));
  if (owner != NULL)
    /* TRANSLATORS: who carries out an action point */
    g_ptr_array_add (parts, g_strdup_printf (_("Owner: %s"), owner));
  if (due != NULL)
    /* TRANSLATORS: when an action point is due */
    g_ptr_array_add (parts, g_strdup_printf (_("Due: %s"), due));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (self->large_print ? "\n" : " · ", (char **) parts->pdata);
}

static void
add_meta (RaadAgendaDocument *self,
          const char         *label,
          const char         *value)
{
  g_autofree char *text = NULL;

  if (value == NULL)
    return;
  /* TRANSLATORS: a header line of an agenda: "Place: Zaal De Linde" */
  text = g_strdup_printf (_("%s: %s"), label, value);
  add_block (self, BLOCK_META, 0, text, NULL);
}

static void
add_agenda_notes (RaadAgendaDocument *self,
                  RaadAgendaOutline  *outline,
                  RaadAgendaLine     *line)
{
  const char *council_id = raad_record_get_string (RAAD_RECORD (outline->meeting), "council-id");
  const char *date = raad_record_get_string (RAAD_RECORD (outline->meeting), "date");

  if (council_id == NULL || date == NULL || line->standard == NULL || line->depth > 0)
    return;

  if (g_str_equal (line->standard, "minutes"))
    {
      g_autoptr(GPtrArray) points = raad_agenda_open_action_points (self->store, council_id, date);

      if (points->len == 0)
        return;
      add_block (self, BLOCK_LABEL, 0, _("Open action points"), NULL);
      for (guint i = 0; i < points->len; i++)
        {
          RaadRecord *point = g_ptr_array_index (points, i);
          g_autofree char *detail = dup_action_detail (self, point);

          add_block (self, BLOCK_NOTE, 0, raad_record_get_string (point, "text"), detail);
        }
    }
  else if (g_str_equal (line->standard, "exchange"))
    {
      g_autoptr(GPtrArray) shared = raad_agenda_shared_from_others (self->store, council_id, date);

      if (shared->len == 0)
        return;
      add_block (self, BLOCK_LABEL, 0, _("Shared by other councils"), NULL);
      for (guint i = 0; i < shared->len; i++)
        {
          RaadRecord *item = g_ptr_array_index (shared, i);
          const char *from = raad_record_get_string (item, "council-name");
          const char *decision = raad_record_get_string (item, "decision");
          g_autofree char *text = NULL;
          g_autofree char *detail = NULL;

          /* TRANSLATORS: a shared agenda item and where it came from: "Nieuwe menukaart (Lokale raad De Linde)" */
          text = g_strdup_printf (_("%s (%s)"), raad_record_get_string (item, "title"),
                                  from != NULL ? from : _("another council"));
          if (decision != NULL && *decision != '\0')
            /* TRANSLATORS: the decision taken on an item */
            detail = g_strdup_printf (_("Decision: %s"), decision);
          add_block (self, BLOCK_NOTE, 0, text, detail);
        }
    }
}

static void
add_minutes_notes (RaadAgendaDocument *self,
                   RaadAgendaLine     *line,
                   GPtrArray          *points,
                   GHashTable         *printed)
{
  const char *item_id = raad_record_get_id (RAAD_RECORD (line->item));
  const char *minutes = raad_record_get_string (RAAD_RECORD (line->item), "minutes");
  const char *decision = raad_record_get_string (RAAD_RECORD (line->item), "decision");
  gboolean labelled = FALSE;

  if (minutes != NULL && *minutes != '\0')
    {
      Block *block = add_block (self, BLOCK_TEXT, line->depth, minutes, _("Minutes"));
      (void) block;
    }
  if (decision != NULL && *decision != '\0')
    add_block (self, BLOCK_TEXT, line->depth, decision, _("Decision"));

  for (guint i = 0; i < points->len; i++)
    {
      RaadRecord *point = g_ptr_array_index (points, i);
      g_autofree char *detail = NULL;

      if (g_strcmp0 (raad_record_get_string (point, "item-id"), item_id) != 0)
        continue;
      if (!labelled)
        add_block (self, BLOCK_LABEL, line->depth, _("Action points"), NULL);
      labelled = TRUE;
      detail = dup_action_detail (self, point);
      add_block (self, BLOCK_NOTE, line->depth, raad_record_get_string (point, "text"), detail);
      g_hash_table_add (printed, point);
    }
}

static void
load_blocks (RaadAgendaDocument *self)
{
  g_autoptr(RaadAgendaOutline) outline = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GHashTable) printed = NULL;
  g_autofree char *time = NULL;
  g_autofree char *warning = NULL;
  gboolean minutes = self->kind == RAAD_AGENDA_DOCUMENT_MINUTES;

  outline = raad_agenda_outline_new (self->store, self->meeting_id, &error);
  if (outline == NULL)
    {
      g_debug ("Meeting %s cannot be printed: %s", self->meeting_id, error->message);
      add_block (self, BLOCK_NOTICE, 0, _("This meeting no longer exists."), NULL);
      return;
    }

  self->footer = outline->date_text != NULL
    ? g_strdup_printf ("%s · %s", outline->council_name, outline->date_text)
    : g_strdup (outline->council_name);

  add_block (self, BLOCK_TITLE, 0, outline->council_name,
             minutes ? _("Minutes") : _("Agenda"));
  time = raad_agenda_outline_dup_time_range (outline);
  add_meta (self, _("Date"), outline->date_text);
  add_meta (self, _("Time"), time);
  add_meta (self, _("Place"), outline->place);
  add_meta (self, _("Online"), outline->online_link);
  add_meta (self, _("Guests"), outline->guests);

  warning = raad_agenda_outline_dup_warning (outline);
  if (warning != NULL && !minutes)
    add_block (self, BLOCK_WARNING, 0, warning, NULL);

  if (minutes)
    {
      points = raad_agenda_action_points_of (self->store, self->meeting_id);
      printed = g_hash_table_new (NULL, NULL);
    }

  for (guint i = 0; i < outline->lines->len; i++)
    {
      RaadAgendaLine *line = g_ptr_array_index (outline->lines, i);
      g_autofree char *detail = minutes ? NULL : dup_item_detail (self, line);
      Block *block = add_block (self, BLOCK_ITEM, line->depth, line->title, detail);

      block->number = g_strdup (line->number);
      block->time = minutes ? NULL : g_strdup (line->time);
      if (minutes)
        add_minutes_notes (self, line, points, printed);
      else
        add_agenda_notes (self, outline, line);
    }

  /* Action points of the meeting not tied to one of its items. */
  if (minutes && g_hash_table_size (printed) < points->len)
    {
      add_block (self, BLOCK_ITEM, 0, _("Other action points"), NULL)->number = g_strdup ("");
      for (guint i = 0; i < points->len; i++)
        {
          RaadRecord *point = g_ptr_array_index (points, i);
          g_autofree char *detail = NULL;

          if (g_hash_table_contains (printed, point))
            continue;
          detail = dup_action_detail (self, point);
          add_block (self, BLOCK_NOTE, 0, raad_record_get_string (point, "text"), detail);
        }
    }
}

/* The gap above @block, given the one before it. */
static double
gap_before (RaadAgendaDocument *self,
            Block              *previous,
            Block              *block)
{
  if (previous == NULL)
    return 0;
  if (previous->kind == BLOCK_TITLE)
    return self->m.item_gap;
  if (block->kind == BLOCK_WARNING || (block->kind == BLOCK_ITEM && previous->kind == BLOCK_META))
    return self->m.item_gap * 1.5;
  if (block->kind == BLOCK_ITEM)
    return block->depth == 0 ? self->m.item_gap : self->m.item_gap / 2;
  if (block->kind == BLOCK_META && previous->kind == BLOCK_META)
    return self->m.line_gap;
  return self->m.line_gap * 2;
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                      */

static void
raad_agenda_document_finalize (GObject *object)
{
  RaadAgendaDocument *self = RAAD_AGENDA_DOCUMENT (object);

  clear_layout (self);
  g_clear_pointer (&self->meeting_id, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (raad_agenda_document_parent_class)->finalize (object);
}

static void
raad_agenda_document_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RaadAgendaDocument *self = RAAD_AGENDA_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_MEETING_ID:
      g_value_set_string (value, self->meeting_id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_LARGE_PRINT:
      g_value_set_boolean (value, self->large_print);
      break;
    case PROP_MARGIN:
      g_value_set_double (value, self->margin);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_agenda_document_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RaadAgendaDocument *self = RAAD_AGENDA_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_MEETING_ID:
      self->meeting_id = g_value_dup_string (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_LARGE_PRINT:
      raad_agenda_document_set_large_print (self, g_value_get_boolean (value));
      break;
    case PROP_MARGIN:
      raad_agenda_document_set_margin (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_agenda_document_class_init (RaadAgendaDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = raad_agenda_document_finalize;
  object_class->get_property = raad_agenda_document_get_property;
  object_class->set_property = raad_agenda_document_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAAD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING_ID] =
    g_param_spec_string ("meeting-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, RAAD_TYPE_AGENDA_DOCUMENT_KIND,
                       RAAD_AGENDA_DOCUMENT_AGENDA,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LARGE_PRINT] =
    g_param_spec_boolean ("large-print", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MARGIN] =
    g_param_spec_double ("margin", NULL, NULL, 0, 144, DEFAULT_MARGIN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raad_agenda_document_init (RaadAgendaDocument *self)
{
  self->margin = DEFAULT_MARGIN;
  set_metrics (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                   */

RaadAgendaDocument *
raad_agenda_document_new (RaadStore              *store,
                          const char             *meeting_id,
                          RaadAgendaDocumentKind  kind)
{
  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);
  g_return_val_if_fail (meeting_id != NULL, NULL);

  return g_object_new (RAAD_TYPE_AGENDA_DOCUMENT,
                       "store", store,
                       "meeting-id", meeting_id,
                       "kind", kind,
                       NULL);
}

RaadStore *
raad_agenda_document_get_store (RaadAgendaDocument *self)
{
  g_return_val_if_fail (RAAD_IS_AGENDA_DOCUMENT (self), NULL);

  return self->store;
}

const char *
raad_agenda_document_get_meeting_id (RaadAgendaDocument *self)
{
  g_return_val_if_fail (RAAD_IS_AGENDA_DOCUMENT (self), NULL);

  return self->meeting_id;
}

RaadAgendaDocumentKind
raad_agenda_document_get_kind (RaadAgendaDocument *self)
{
  g_return_val_if_fail (RAAD_IS_AGENDA_DOCUMENT (self), RAAD_AGENDA_DOCUMENT_AGENDA);

  return self->kind;
}

void
raad_agenda_document_set_large_print (RaadAgendaDocument *self,
                                      gboolean            large_print)
{
  g_return_if_fail (RAAD_IS_AGENDA_DOCUMENT (self));

  large_print = !!large_print;
  if (large_print == self->large_print)
    return;
  self->large_print = large_print;
  set_metrics (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LARGE_PRINT]);
}

gboolean
raad_agenda_document_get_large_print (RaadAgendaDocument *self)
{
  g_return_val_if_fail (RAAD_IS_AGENDA_DOCUMENT (self), FALSE);

  return self->large_print;
}

void
raad_agenda_document_set_margin (RaadAgendaDocument *self,
                                 double              margin)
{
  g_return_if_fail (RAAD_IS_AGENDA_DOCUMENT (self));

  margin = CLAMP (margin, 0, 144);
  if (margin == self->margin)
    return;
  self->margin = margin;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARGIN]);
}

double
raad_agenda_document_get_margin (RaadAgendaDocument *self)
{
  g_return_val_if_fail (RAAD_IS_AGENDA_DOCUMENT (self), 0);

  return self->margin;
}

double
raad_agenda_document_get_body_size (RaadAgendaDocument *self)
{
  g_return_val_if_fail (RAAD_IS_AGENDA_DOCUMENT (self), 0);

  return self->m.body;
}

int
raad_agenda_document_paginate (RaadAgendaDocument *self,
                               cairo_t            *cr,
                               double              width,
                               double              height)
{
  double top, bottom, y;
  double footer;
  Block *previous = NULL;
  guint page = 0;

  g_return_val_if_fail (RAAD_IS_AGENDA_DOCUMENT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  clear_layout (self);
  set_metrics (self);
  self->width = width;
  self->height = height;
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  load_blocks (self);

  footer = self->large_print ? 30 : 18;
  top = self->margin;
  bottom = height - self->margin - footer;
  y = top;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      double gap = gap_before (self, previous, block);
      double needed;

      block->height = layout_block (self, cr, block, FALSE, 0);
      needed = block->height;
      /* A label stays with the first note under it; an item with its first line below. */
      if ((block->kind == BLOCK_LABEL || block->kind == BLOCK_ITEM) && i + 1 < self->blocks->len)
        {
          Block *next = g_ptr_array_index (self->blocks, i + 1);

          if (next->kind != BLOCK_ITEM)
            needed += gap_before (self, block, next) + layout_block (self, cr, next, FALSE, 0);
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
raad_agenda_document_get_n_pages (RaadAgendaDocument *self)
{
  g_return_val_if_fail (RAAD_IS_AGENDA_DOCUMENT (self), 0);

  return self->n_pages;
}

void
raad_agenda_document_draw_page (RaadAgendaDocument *self,
                                cairo_t            *cr,
                                int                 page)
{
  g_return_if_fail (RAAD_IS_AGENDA_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
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
  RaadAgendaDocument *self = document;
  const char *footer = self->footer != NULL ? self->footer : "";

  if (self->kind == RAAD_AGENDA_DOCUMENT_MINUTES)
    /* TRANSLATORS: the PDF's title: "Minutes — Lokale raad De Linde · 3 December 2026" */
    return g_strdup_printf (_("Minutes — %s"), footer);
  /* TRANSLATORS: the PDF's title: "Agenda — Lokale raad De Linde · 3 December 2026" */
  return g_strdup_printf (_("Agenda — %s"), footer);
}

gboolean
raad_agenda_document_export_pdf (RaadAgendaDocument  *self,
                                 const char          *path,
                                 GError             **error)
{
  g_return_val_if_fail (RAAD_IS_AGENDA_DOCUMENT (self), FALSE);

  return raad_pdf_export (self, (RaadPdfPaginate) raad_agenda_document_paginate,
                          (RaadPdfDrawPage) raad_agenda_document_draw_page, pdf_title,
                          RAAD_AGENDA_PAGE_WIDTH, RAAD_AGENDA_PAGE_HEIGHT, path, error);
}
