/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-speelveld-document.c: a council's playing field drawn on cairo, for PNG, SVG, PDF, print */

/* One drawing routine, raad_speelveld_document_draw(), serves every output: PNG (an image
 * surface), SVG and PDF (vector surfaces) and GtkPrintOperation (the print context's cairo).
 * It lays the field out in a "design space" of at least A4 landscape in points and scales that
 * to the size asked, so that text keeps its proportion to the field at any size. The store is
 * read once into a list of parties with their places, titles and contact state; drawing only
 * reads that list. Links between a party and the council go through raad_speelveld_draw_link(),
 * which the map widget uses as well, so that screen and paper look alike.
 */

#define G_LOG_DOMAIN "raad-export"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <stdio.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>

#include "raad-council.h"
#include "raad-date.h"
#include "raad-organisation.h"
#include "raad-draw.h"
#include "raad-pdf.h"
#include "raad-speelveld.h"
#include "raad-speelveld-document.h"
#include "raad-speelveld-document-private.h"


/* Colours (GNOME palette), as 0xRRGGBB. */
#define INK             0x241f31
#define INK_SOFT        0x5e5c64
#define RULE            0xc0bfbc
#define PAPER           0xffffff
#define BOX_FILL        0xf6f5f4
#define BOX_STROKE      0x9a9996
#define COUNCIL_FILL    0x1c71d8
#define COUNCIL_INK     0xffffff
#define LINK_GOOD       0x26a269
#define LINK_NEUTRAL    0x77767b
#define LINK_STRAINED   0xe01b24
#define LINK_UNKNOWN    0x9a9996
#define OVERDUE_INK     0xa51d2d
#define OVERDUE_FILL    0xfbe3e4

/* Links */

/* The width of the ink of @layout's lines (a wrapped layout's get_size is its set width). */
static double
layout_text_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y,
             guint32      colour)
{
  raad_draw_set_colour (cr, colour);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

typedef struct
{
  guint32 colour;
  double  width;
  double  dashes[2];
  int     n_dashes;
  cairo_line_cap_t cap;
} LinkStyle;

static LinkStyle
link_style (const char *relation)
{
  if (g_strcmp0 (relation, "good") == 0)
    return (LinkStyle) { LINK_GOOD, 2.0, { 0, 0 }, 0, CAIRO_LINE_CAP_BUTT };
  if (g_strcmp0 (relation, "neutral") == 0)
    return (LinkStyle) { LINK_NEUTRAL, 1.5, { 6, 4 }, 2, CAIRO_LINE_CAP_BUTT };
  if (g_strcmp0 (relation, "strained") == 0)
    /* Round dots: a zero-length dash with a round cap, spaced wider than the line. */
    return (LinkStyle) { LINK_STRAINED, 3.0, { 0, 6 }, 2, CAIRO_LINE_CAP_ROUND };
  return (LinkStyle) { LINK_UNKNOWN, 1.0, { 0, 0 }, 0, CAIRO_LINE_CAP_BUTT };
}

static void
stroke_link (cairo_t    *cr,
             double      x1,
             double      y1,
             double      x2,
             double      y2,
             const char *relation)
{
  LinkStyle style = link_style (relation);

  cairo_new_path (cr);
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x2, y2);
  raad_draw_set_colour (cr, style.colour);
  cairo_set_line_width (cr, style.width);
  cairo_set_line_cap (cr, style.cap);
  cairo_set_dash (cr, style.dashes, style.n_dashes, 0);
  cairo_stroke (cr);
}

#define LINK_LABEL_SIZE 8.0

struct _RaadSpeelveldLinkCache
{
  GHashTable *labels;   /* right title → PangoLayout */
  GHashTable *pills;    /* "colour|scale|title" → cairo_surface_t, the pill in device pixels */
};

RaadSpeelveldLinkCache *
raad_speelveld_link_cache_new (void)
{
  RaadSpeelveldLinkCache *cache = g_new0 (RaadSpeelveldLinkCache, 1);

  cache->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  cache->pills = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) cairo_surface_destroy);
  return cache;
}

void
raad_speelveld_link_cache_free (RaadSpeelveldLinkCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->labels);
  g_hash_table_unref (cache->pills);
  g_free (cache);
}

/* The dashes of @style between (@x1, @y1) and (@x2, @y2) as one path of filled shapes, as
 * the stroke with its dash pattern covers them: a butt-capped dash is a rectangle along the
 * line, a round dot (a dash of no length with a round cap) an octagon of the dot's area. On
 * a screen the difference does not show, and cairo fills the lot in one go where stroking
 * makes a polygon and its caps per dash. */
static void
fill_dashes (cairo_t         *cr,
             double           x1,
             double           y1,
             double           x2,
             double           y2,
             const LinkStyle *style)
{
  double length = hypot (x2 - x1, y2 - y1);
  double period = style->dashes[0] + style->dashes[1];
  double half = style->width / 2;
  double c, s;

  if (length <= 0 || period <= 0)
    return;
  c = (x2 - x1) / length;
  s = (y2 - y1) / length;
  cairo_new_path (cr);
  for (double at = 0; at <= length; at += period)
    {
      double px = x1 + c * at, py = y1 + s * at;

      if (style->dashes[0] == 0 && style->cap == CAIRO_LINE_CAP_ROUND)
        {
          /* sqrt (π / (2√2)): an octagon of this radius has the circle's area. */
          double radius = half * 1.0541;

          for (int k = 0; k < 8; k++)
            {
              double angle = G_PI / 8 + k * G_PI / 4;

              if (k == 0)
                cairo_move_to (cr, px + radius * cos (angle), py + radius * sin (angle));
              else
                cairo_line_to (cr, px + radius * cos (angle), py + radius * sin (angle));
            }
          cairo_close_path (cr);
        }
      else
        {
          double to = MIN (at + style->dashes[0], length);
          double ex = x1 + c * to, ey = y1 + s * to;

          cairo_move_to (cr, px - s * half, py + c * half);
          cairo_line_to (cr, ex - s * half, ey + c * half);
          cairo_line_to (cr, ex + s * half, ey - c * half);
          cairo_line_to (cr, px + s * half, py - c * half);
          cairo_close_path (cr);
        }
    }
  cairo_save (cr);
  raad_draw_set_colour (cr, style->colour);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  cairo_fill (cr);
  cairo_restore (cr);
}

static PangoLayout *
link_label (cairo_t                *cr,
            RaadSpeelveldLinkCache *cache,
            const char             *right_title)
{
  PangoLayout *label;

  if (cache == NULL)
    return raad_draw_layout (cr, right_title, LINK_LABEL_SIZE, PANGO_WEIGHT_NORMAL, -1, 0,
                             PANGO_ALIGN_LEFT);
  /* Unhinted at a fixed resolution (raad_draw_layout): the same on any surface. */
  label = g_hash_table_lookup (cache->labels, right_title);
  if (label == NULL)
    {
      label = raad_draw_layout (cr, right_title, LINK_LABEL_SIZE, PANGO_WEIGHT_NORMAL, -1, 0,
                                PANGO_ALIGN_LEFT);
      g_hash_table_insert (cache->labels, g_strdup (right_title), label);
    }
  return g_object_ref (label);
}

/* A light pill with a rim in the line's colour, readable over any line, with @label in it. */
static void
draw_pill (cairo_t     *cr,
           PangoLayout *label,
           double       x,
           double       y,
           double       width,
           double       height,
           double       pad_x,
           double       pad_y,
           guint32      colour)
{
  cairo_set_dash (cr, NULL, 0, 0);
  raad_draw_rounded_rectangle (cr, x, y, width, height, height / 2);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.95);
  cairo_fill_preserve (cr);
  raad_draw_set_colour (cr, colour);
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);
  show_layout (cr, label, x + pad_x, y + pad_y, INK);
}

void
raad_speelveld_draw_link_cached (cairo_t                *cr,
                                 RaadSpeelveldLinkCache *cache,
                                 double                  x1,
                                 double                  y1,
                                 double                  x2,
                                 double                  y2,
                                 const char             *relation,
                                 const char             *right_title)
{
  LinkStyle style = link_style (relation);

  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  if (cache != NULL && style.n_dashes > 0)
    fill_dashes (cr, x1, y1, x2, y2, &style);
  else
    stroke_link (cr, x1, y1, x2, y2, relation);

  if (right_title != NULL && *right_title != '\0')
    {
      g_autoptr(PangoLayout) label = link_label (cr, cache, right_title);
      double text_width = raad_draw_layout_width (label);
      double text_height = raad_draw_layout_height (label);
      double pad_x = text_height * 0.45;
      double pad_y = text_height * 0.12;
      double width = text_width + 2 * pad_x;
      double height = text_height + 2 * pad_y;
      double x = (x1 + x2) / 2 - width / 2;
      double y = (y1 + y2) / 2 - height / 2;
      cairo_matrix_t matrix;

      cairo_get_matrix (cr, &matrix);
      if (cache != NULL && matrix.xy == 0 && matrix.yx == 0 && matrix.xx > 0 && matrix.yy > 0)
        {
          /* On a screen: the pill painted once per right and colour, copied at whole pixels. */
          double device_x = 1, device_y = 1, dx = x, dy = y;
          g_autofree char *key = NULL;
          cairo_surface_t *pill;

          cairo_surface_get_device_scale (cairo_get_target (cr), &device_x, &device_y);
          key = g_strdup_printf ("%06x|%g|%g|%g|%g|%s", style.colour, matrix.xx, matrix.yy,
                                 device_x, device_y, right_title);
          pill = g_hash_table_lookup (cache->pills, key);
          if (pill == NULL)
            {
              cairo_t *pill_cr;

              /* A pixel of room around the rim's antialiasing. */
              pill = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                 (int) ceil (width * matrix.xx * device_x) + 2,
                                                 (int) ceil (height * matrix.yy * device_y) + 2);
              cairo_surface_set_device_scale (pill, device_x, device_y);
              pill_cr = cairo_create (pill);
              cairo_translate (pill_cr, 1 / device_x, 1 / device_y);
              cairo_scale (pill_cr, matrix.xx, matrix.yy);
              draw_pill (pill_cr, label, 0, 0, width, height, pad_x, pad_y, style.colour);
              cairo_destroy (pill_cr);
              g_hash_table_insert (cache->pills, g_steal_pointer (&key), pill);
            }
          cairo_user_to_device (cr, &dx, &dy);
          cairo_identity_matrix (cr);
          cairo_set_source_surface (cr, pill, (round (dx * device_x) - 1) / device_x,
                                    (round (dy * device_y) - 1) / device_y);
          cairo_paint (cr);
        }
      else
        draw_pill (cr, label, x, y, width, height, pad_x, pad_y, style.colour);
    }
  cairo_restore (cr);
}

void
raad_speelveld_draw_link (cairo_t    *cr,
                          double      x1,
                          double      y1,
                          double      x2,
                          double      y2,
                          const char *relation,
                          const char *right_title)
{
  raad_speelveld_draw_link_cached (cr, NULL, x1, y1, x2, y2, relation, right_title);
}

/* The document */

/* The field is laid out in a design space of at least A4 landscape (points) and scaled. */
#define DESIGN_WIDTH    RAAD_SPEELVELD_PAGE_WIDTH
#define DESIGN_HEIGHT   RAAD_SPEELVELD_PAGE_HEIGHT
#define MARGIN          24.0
#define SECTION_GAP     8.0
#define BOX_PADDING     5.0
#define BOX_RADIUS      6.0
#define BOX_GAP         6.0
#define COUNCIL_WIDTH   150.0
#define AXIS_SPACE      20.0
#define TABLE_MARGIN    36.0
#define CELL_PADDING    4.0

/* Quadrant tints, as 0xRRGGBB. */
#define TINT_MANAGE     0xdcebfb
#define TINT_SATISFY    0xfdf0d5
#define TINT_INFORM     0xe1f2e4
#define TINT_MONITOR    0xf1f0ee

/* How much a party's box says: everything, or less when the field is crowded (the PDF's list
 * of parties always says everything). */
typedef enum
{
  DETAIL_FULL,       /* name (3 lines), category, contact person (2), right on the grid, mark */
  DETAIL_COMPACT,    /* name (2 lines), contact person (1), right on the grid, mark */
  DETAIL_MINIMAL,    /* name (1 line), mark */
} Detail;

typedef struct
{
  double width;
  Detail detail;
} BoxStyle;

/* Tried in order until no boxes overlap. */
static const BoxStyle box_styles[] = {
  { 130, DETAIL_FULL }, { 116, DETAIL_FULL }, { 124, DETAIL_COMPACT }, { 108, DETAIL_COMPACT },
  { 104, DETAIL_MINIMAL }, { 84, DETAIL_MINIMAL },
};

typedef struct
{
  RaadStakeholder *party;
  char            *name;
  char            *category_title;
  char            *contact_person;
  char            *relation;
  char            *relation_title;
  char            *right_title;   /* for the list, "No formal right" included */
  const char      *label;         /* on the line or in the box: NULL for no formal right */
  const char      *mark;          /* "Overdue", "Never spoken to" or NULL */
  RaadContactDue  *due;
  RaadQuadrant     quadrant;
  double           x, y;          /* the place, 0…1 across and down */
  /* The last layout, in design units. */
  double           cx, cy;
  double           width, height;
} Party;

struct _RaadSpeelveldDocument
{
  GObject     parent_instance;

  RaadStore  *store;
  char       *council_id;
  gboolean    grid;
  char       *today;             /* YYYY-MM-DD, NULL: the day of drawing */

  /* What was read from the store. */
  gboolean    loaded;
  char       *organisation_name;
  char       *council_name;
  char       *date_text;
  GPtrArray  *parties;           /* Party* */
  RaadSpeelveldBox field;        /* where the parties were last drawn */
  guint       detail;            /* Detail of the boxes as last laid out */

  /* The last pagination (points). */
  double      page_width;
  double      page_height;
  GArray     *table_pages;       /* guint: the first row of each list page */
};

enum
{
  PROP_0,
  PROP_STORE,
  PROP_COUNCIL_ID,
  PROP_GRID,
  PROP_TODAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RaadSpeelveldDocument, raad_speelveld_document, G_TYPE_OBJECT)

static void
party_free (gpointer data)
{
  Party *party = data;

  g_clear_object (&party->party);
  g_free (party->name);
  g_free (party->category_title);
  g_free (party->contact_person);
  g_free (party->relation);
  g_free (party->relation_title);
  g_free (party->right_title);
  g_clear_pointer (&party->due, raad_contact_due_free);
  g_free (party);
}

static char *
dup_text (RaadRecord *record,
          const char *field)
{
  const char *text = raad_record_get_string (record, field);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static char *
today_text (RaadSpeelveldDocument *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->today != NULL)
    return g_strdup (self->today);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/* "6 February 2027" from YYYY-MM-DD (or the text itself when it is no date). */
static char *
format_date (const char *ymd)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;
  char *text = NULL;

  if (ymd == NULL)
    return NULL;
  if (sscanf (ymd, "%4d-%2d-%2d", &year, &month, &day) == 3)
    date = g_date_time_new_local (year, month, day, 12, 0, 0);
  if (date == NULL)
    return g_strdup (ymd);
  /* TRANSLATORS: a date as in "6 February 2027"; see g_date_time_format() */
  /* xgettext:no-c-format */
  text = g_date_time_format (date, _("%-e %B %Y"));
  return text != NULL ? text : g_date_time_format (date, "%Y-%m-%d");
}

static const char *
mark_of (RaadContactDue *due)
{
  if (due == NULL || due->state != RAAD_CONTACT_OVERDUE)
    return NULL;
  /* TRANSLATORS: the mark on a party that has never been spoken to although a contact
   * rhythm is planned */
  if (due->last_contact == NULL)
    return _("Never spoken to");
  /* TRANSLATORS: the mark on a party not spoken to within its planned contact rhythm */
  return _("Overdue");
}

static void
load (RaadSpeelveldDocument *self)
{
  g_autoptr(RaadOrganisation) organisation = NULL;
  g_autoptr(RaadRecord) council = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) last = NULL;
  g_autofree double *map_xy = NULL;
  g_autofree double *grid_xy = NULL;
  g_autofree char *today = today_text (self);
  const char *name;

  g_clear_pointer (&self->organisation_name, g_free);
  g_clear_pointer (&self->council_name, g_free);
  g_clear_pointer (&self->date_text, g_free);
  g_clear_pointer (&self->parties, g_ptr_array_unref);
  self->parties = g_ptr_array_new_with_free_func (party_free);
  self->loaded = TRUE;
  self->date_text = format_date (today);

  organisation = raad_organisation_load_default (self->store);
  name = organisation != NULL ? raad_organisation_get_name (organisation) : NULL;
  self->organisation_name = g_strdup (name != NULL && *name != '\0' ? name : "");

  council = raad_record_load (self->store, self->council_id, NULL);
  name = council != NULL && RAAD_IS_COUNCIL (council) && !raad_record_get_deleted (council)
         ? raad_council_get_name (RAAD_COUNCIL (council)) : NULL;
  self->council_name = g_strdup (name != NULL && *name != '\0' ? name : _("Unknown council"));

  records = raad_speelveld_list_parties (self->store, self->council_id);
  last = raad_speelveld_last_contacts (self->store, self->council_id);
  map_xy = g_new0 (double, 2 * MAX (records->len, 1));
  grid_xy = g_new0 (double, 2 * MAX (records->len, 1));
  raad_speelveld_map_places (records, map_xy);
  raad_speelveld_grid_places (records, grid_xy);

  for (guint i = 0; i < records->len; i++)
    {
      RaadStakeholder *stakeholder = g_ptr_array_index (records, i);
      RaadRecord *record = RAAD_RECORD (stakeholder);
      Party *party = g_new0 (Party, 1);
      const char *category = raad_record_get_string (record, "category");
      const char *relation = raad_record_get_string (record, "relation");
      const char *right = raad_record_get_string (record, "formal-right");

      party->party = g_object_ref (stakeholder);
      party->name = dup_text (record, "name");
      if (party->name == NULL)
        party->name = g_strdup (_("Unnamed party"));
      party->category_title = category != NULL && *category != '\0'
                              ? g_strdup (raad_speelveld_category_title (category)) : NULL;
      party->contact_person = dup_text (record, "contact-person");
      party->relation = g_strdup (relation);
      party->relation_title = g_strdup (relation != NULL && *relation != '\0'
                                        ? raad_speelveld_relation_title (relation)
                                        : C_("relation", "Unknown"));
      party->right_title = right != NULL && *right != '\0'
                           ? g_strdup (raad_speelveld_right_title (right)) : NULL;
      /* As on the screen's map: a line without a label is a party without a formal right. */
      party->label = g_strcmp0 (right, "none") != 0 ? party->right_title : NULL;
      party->due = raad_speelveld_contact_due (stakeholder,
                                               g_hash_table_lookup (last,
                                                                    raad_record_get_id (record)),
                                               today);
      party->mark = mark_of (party->due);
      party->quadrant = raad_speelveld_quadrant (stakeholder);
      party->x = self->grid ? grid_xy[2 * i] : map_xy[2 * i];
      party->y = self->grid ? grid_xy[2 * i + 1] : map_xy[2 * i + 1];
      g_ptr_array_add (self->parties, party);
    }
}

static void
ensure_loaded (RaadSpeelveldDocument *self)
{
  if (!self->loaded)
    load (self);
}

/* Drawing the field */

static void
set_link_border (cairo_t    *cr,
                 const char *relation)
{
  LinkStyle style = link_style (relation);

  raad_draw_set_colour (cr, style.colour);
  cairo_set_line_width (cr, MAX (style.width, 1.2));
  cairo_set_line_cap (cr, style.cap);
  cairo_set_dash (cr, style.dashes, style.n_dashes, 0);
}

/* A mark as a badge; returns its height. */
static double
layout_badge (cairo_t    *cr,
              const char *text,
              double      size,
              gboolean    draw,
              double      x,
              double      y,
              double      max_width)
{
  g_autoptr(PangoLayout) layout = raad_draw_layout (cr, text, size, PANGO_WEIGHT_BOLD,
                                                 max_width - size, 2, PANGO_ALIGN_LEFT);
  double height = raad_draw_layout_height (layout) + size * 0.3;

  if (draw)
    {
      double width = layout_text_width (layout) + size;

      cairo_save (cr);
      /* A pill on one line; on two (a long translation in a narrow box), rounded corners. */
      raad_draw_rounded_rectangle (cr, x, y, width, height, MIN (height / 2, size));
      raad_draw_set_colour (cr, OVERDUE_FILL);
      cairo_fill_preserve (cr);
      raad_draw_set_colour (cr, OVERDUE_INK);
      cairo_set_line_width (cr, 0.6);
      cairo_stroke (cr);
      show_layout (cr, layout, x + size / 2, y + size * 0.15, OVERDUE_INK);
      cairo_restore (cr);
    }
  return height;
}

/* Measures (and draws) a party's box at @x, @y of @width; returns its height. */
static double
layout_party (RaadSpeelveldDocument *self,
              cairo_t               *cr,
              Party                 *party,
              gboolean               draw,
              double                 x,
              double                 y,
              double                 width,
              double                 height)
{
  Detail detail = self->detail;
  double inner = width - 2 * BOX_PADDING;
  double small = width < 100 ? 7.0 : 7.5;
  int name_lines = detail == DETAIL_FULL ? 3 : detail == DETAIL_COMPACT ? 2 : 1;
  g_autoptr(PangoLayout) name = raad_draw_layout (cr, party->name, small + 1.5, PANGO_WEIGHT_BOLD,
                                               inner, name_lines, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) category = NULL;
  g_autoptr(PangoLayout) person = NULL;
  g_autoptr(PangoLayout) right = NULL;
  double top = y + BOX_PADDING;

  if (party->category_title != NULL && detail == DETAIL_FULL)
    category = raad_draw_layout (cr, party->category_title, small, PANGO_WEIGHT_NORMAL, inner, 1,
                              PANGO_ALIGN_LEFT);
  if (party->contact_person != NULL && detail != DETAIL_MINIMAL)
    person = raad_draw_layout (cr, party->contact_person, small, PANGO_WEIGHT_NORMAL, inner,
                            detail == DETAIL_FULL ? 2 : 1, PANGO_ALIGN_LEFT);
  /* On the grid there is no line to carry the right: the box says it. */
  if (self->grid && party->label != NULL && detail != DETAIL_MINIMAL)
    right = raad_draw_layout (cr, party->label, small, PANGO_WEIGHT_NORMAL, inner, 1,
                           PANGO_ALIGN_LEFT);

  if (draw)
    {
      cairo_save (cr);
      raad_draw_rounded_rectangle (cr, x, y, width, height, BOX_RADIUS);
      raad_draw_set_colour (cr, BOX_FILL);
      cairo_fill_preserve (cr);
      if (self->grid)
        set_link_border (cr, party->relation);
      else
        {
          raad_draw_set_colour (cr, party->mark != NULL ? OVERDUE_INK : BOX_STROKE);
          cairo_set_line_width (cr, party->mark != NULL ? 1.2 : 0.8);
        }
      cairo_stroke (cr);
      cairo_restore (cr);

      show_layout (cr, name, x + BOX_PADDING, top, INK);
    }
  top += raad_draw_layout_height (name);
  if (category != NULL)
    {
      if (draw)
        show_layout (cr, category, x + BOX_PADDING, top, INK_SOFT);
      top += raad_draw_layout_height (category);
    }
  if (person != NULL)
    {
      if (draw)
        show_layout (cr, person, x + BOX_PADDING, top, INK);
      top += raad_draw_layout_height (person);
    }
  if (right != NULL)
    {
      if (draw)
        show_layout (cr, right, x + BOX_PADDING, top, INK_SOFT);
      top += raad_draw_layout_height (right);
    }
  if (party->mark != NULL)
    top += 2 + layout_badge (cr, party->mark, small, draw, x + BOX_PADDING, top + 2, inner);
  return top + BOX_PADDING - y;
}

static gboolean
boxes_overlap (double ax, double ay, double aw, double ah,
               double bx, double by, double bw, double bh,
               double gap)
{
  return fabs (ax - bx) < (aw + bw) / 2 + gap && fabs (ay - by) < (ah + bh) / 2 + gap;
}

static gboolean
any_overlap (RaadSpeelveldDocument *self,
             double                 gap)
{
  for (guint i = 0; i < self->parties->len; i++)
    for (guint j = i + 1; j < self->parties->len; j++)
      {
        Party *a = g_ptr_array_index (self->parties, i);
        Party *b = g_ptr_array_index (self->parties, j);

        if (boxes_overlap (a->cx, a->cy, a->width, a->height,
                           b->cx, b->cy, b->width, b->height, gap))
          return TRUE;
      }
  return FALSE;
}

static void
measure_parties (RaadSpeelveldDocument *self,
                 cairo_t               *cr,
                 const BoxStyle        *style)
{
  double width = style->width;

  self->detail = style->detail;
  for (guint i = 0; i < self->parties->len; i++)
    {
      Party *party = g_ptr_array_index (self->parties, i);

      party->width = width;
      party->height = layout_party (self, cr, party, FALSE, 0, 0, width, 0);
    }
}

/* Measures (and draws) the council in the middle; gives its size. */
static void
layout_council (RaadSpeelveldDocument *self,
                cairo_t               *cr,
                gboolean               draw,
                double                 cx,
                double                 cy,
                double                *width,
                double                *height)
{
  g_autoptr(PangoLayout) name = raad_draw_layout (cr, self->council_name, 11, PANGO_WEIGHT_BOLD,
                                               COUNCIL_WIDTH - 16, 2, PANGO_ALIGN_CENTER);
  double h = raad_draw_layout_height (name) + 16;

  *width = COUNCIL_WIDTH;
  *height = h;
  if (!draw)
    return;

  raad_draw_rounded_rectangle (cr, cx - COUNCIL_WIDTH / 2, cy - h / 2, COUNCIL_WIDTH, h, h / 2);
  raad_draw_set_colour (cr, COUNCIL_FILL);
  cairo_fill (cr);
  show_layout (cr, name, cx - COUNCIL_WIDTH / 2 + 8, cy - h / 2 + 8, COUNCIL_INK);
}

/* How far along (dx, dy) from the centre of a box of half size @half_w × @half_h its edge
 * lies, as a fraction of (dx, dy). */
static double
exit_fraction (double dx,
               double dy,
               double half_w,
               double half_h)
{
  double fx = fabs (dx) > 1e-9 ? half_w / fabs (dx) : G_MAXDOUBLE;
  double fy = fabs (dy) > 1e-9 ? half_h / fabs (dy) : G_MAXDOUBLE;

  return MIN (fx, fy);
}

static void
draw_map (RaadSpeelveldDocument *self,
          cairo_t               *cr,
          double                 fx,
          double                 fy,
          double                 fw,
          double                 fh)
{
  double council_x = fx + fw / 2;
  double council_y = fy + fh / 2;
  double council_width, council_height;

  layout_council (self, cr, FALSE, council_x, council_y, &council_width, &council_height);

  /* The places are the centres of the boxes, kept inside the field; boxes get narrower or
   * say less until the parties do not overlap (or there is no smaller style). */
  for (guint s = 0; s < G_N_ELEMENTS (box_styles); s++)
    {
      measure_parties (self, cr, &box_styles[s]);
      for (guint i = 0; i < self->parties->len; i++)
        {
          Party *party = g_ptr_array_index (self->parties, i);

          party->cx = CLAMP (fx + party->x * fw, fx + party->width / 2,
                             fx + fw - party->width / 2);
          party->cy = CLAMP (fy + party->y * fh, fy + party->height / 2,
                             fy + fh - party->height / 2);
        }
      if (!any_overlap (self, BOX_GAP))
        break;
    }

  /* Each line runs between the edges of the two boxes, so that its label (in the middle)
   * sits on the visible part, never under a box. */
  for (guint i = 0; i < self->parties->len; i++)
    {
      Party *party = g_ptr_array_index (self->parties, i);
      double dx = council_x - party->cx;
      double dy = council_y - party->cy;
      double from = exit_fraction (dx, dy, party->width / 2, party->height / 2);
      double to = 1 - exit_fraction (dx, dy, council_width / 2, council_height / 2);

      if (from < to)
        raad_speelveld_draw_link (cr, party->cx + from * dx, party->cy + from * dy,
                                  party->cx + to * dx, party->cy + to * dy,
                                  party->relation, party->label);
    }
  layout_council (self, cr, TRUE, council_x, council_y, &council_width, &council_height);
  for (guint i = 0; i < self->parties->len; i++)
    {
      Party *party = g_ptr_array_index (self->parties, i);

      layout_party (self, cr, party, TRUE, party->cx - party->width / 2,
                    party->cy - party->height / 2, party->width, party->height);
    }
}

typedef struct
{
  double x0, y0, x1, y1;   /* 0…1 across and down */
  guint32 tint;
} QuadrantArea;

static QuadrantArea
quadrant_area (RaadQuadrant quadrant)
{
  /* The grid's cells are fifths; 3 and up counts as much (raad_speelveld_quadrant()). */
  switch (quadrant)
    {
    case RAAD_QUADRANT_MONITOR:
      return (QuadrantArea) { 0.0, 0.6, 0.4, 1.0, TINT_MONITOR };
    case RAAD_QUADRANT_KEEP_INFORMED:
      return (QuadrantArea) { 0.4, 0.6, 1.0, 1.0, TINT_INFORM };
    case RAAD_QUADRANT_KEEP_SATISFIED:
      return (QuadrantArea) { 0.0, 0.0, 0.4, 0.6, TINT_SATISFY };
    case RAAD_QUADRANT_MANAGE_CLOSELY:
    default:
      return (QuadrantArea) { 0.4, 0.0, 1.0, 0.6, TINT_MANAGE };
    }
}

/* Pushes overlapping boxes of one quadrant apart, each kept in its own quadrant (minus the
 * title band). Returns whether no overlap is left. */
static gboolean
separate_boxes (RaadSpeelveldDocument *self,
                const double          *bounds)   /* 4 per quadrant: x0, y0, x1, y1 */
{
  for (int round = 0; round < 200; round++)
    {
      gboolean moved = FALSE;

      for (guint i = 0; i < self->parties->len; i++)
        for (guint j = i + 1; j < self->parties->len; j++)
          {
            Party *a = g_ptr_array_index (self->parties, i);
            Party *b = g_ptr_array_index (self->parties, j);
            double dx = b->cx - a->cx;
            double dy = b->cy - a->cy;
            double ox = (a->width + b->width) / 2 + BOX_GAP - fabs (dx);
            double oy = (a->height + b->height) / 2 + BOX_GAP - fabs (dy);

            if (ox <= 0 || oy <= 0)
              continue;
            moved = TRUE;
            /* Along the axis that needs the least, half each; ties go by list order. */
            if (ox * 1.5 < oy)
              {
                double push = (ox / 2 + 0.5) * (dx < 0 ? -1 : 1);

                a->cx -= push;
                b->cx += push;
              }
            else
              {
                double push = (oy / 2 + 0.5) * (dy < 0 ? -1 : 1);

                a->cy -= push;
                b->cy += push;
              }
          }

      for (guint i = 0; i < self->parties->len; i++)
        {
          Party *party = g_ptr_array_index (self->parties, i);
          const double *q = bounds + 4 * party->quadrant;

          party->cx = CLAMP (party->cx, q[0] + party->width / 2,
                             MAX (q[2] - party->width / 2, q[0] + party->width / 2));
          party->cy = CLAMP (party->cy, q[1] + party->height / 2,
                             MAX (q[3] - party->height / 2, q[1] + party->height / 2));
        }
      if (!moved)
        return TRUE;
    }
  return !any_overlap (self, 0);
}

static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  const Party *pa = *(Party * const *) a;
  const Party *pb = *(Party * const *) b;

  /* Top to bottom (most influence first), then left to right. */
  if (fabs (pa->y - pb->y) > 1e-6)
    return pa->y < pb->y ? -1 : 1;
  if (fabs (pa->x - pb->x) > 1e-6)
    return pa->x < pb->x ? -1 : 1;
  return 0;
}

/* When pushing apart does not do, each quadrant's parties in tidy rows, in the order of their
 * places. Returns whether they fit without overlap. */
static gboolean
arrange_in_rows (RaadSpeelveldDocument *self,
                 const double          *bounds)
{
  for (int q = RAAD_QUADRANT_MONITOR; q <= RAAD_QUADRANT_MANAGE_CLOSELY; q++)
    {
      const double *b = bounds + 4 * q;
      g_autoptr(GPtrArray) in_quadrant = g_ptr_array_new ();
      double width = 0, height = 0;
      guint columns, rows;

      for (guint i = 0; i < self->parties->len; i++)
        {
          Party *party = g_ptr_array_index (self->parties, i);

          if ((int) party->quadrant != q)
            continue;
          g_ptr_array_add (in_quadrant, party);
          width = MAX (width, party->width);
          height = MAX (height, party->height);
        }
      if (in_quadrant->len == 0)
        continue;
      g_ptr_array_sort (in_quadrant, compare_places);
      columns = MAX (1, (guint) ((b[2] - b[0] + BOX_GAP) / (width + BOX_GAP)));
      columns = MIN (columns, in_quadrant->len);
      rows = (in_quadrant->len + columns - 1) / columns;
      if (rows * (height + BOX_GAP) - BOX_GAP > b[3] - b[1])
        return FALSE;
      for (guint i = 0; i < in_quadrant->len; i++)
        {
          Party *party = g_ptr_array_index (in_quadrant, i);

          party->cx = b[0] + (b[2] - b[0]) * (i % columns + 0.5) / columns;
          party->cy = b[1] + (b[3] - b[1]) * (i / columns + 0.5) / rows;
        }
    }
  return !any_overlap (self, 0);
}

static void
draw_arrow_head (cairo_t *cr,
                 double   x,
                 double   y,
                 double   angle)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, angle);
  cairo_move_to (cr, 0, 0);
  cairo_line_to (cr, -6, -3.5);
  cairo_line_to (cr, -6, 3.5);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_grid (RaadSpeelveldDocument *self,
           cairo_t               *cr,
           double                 fx,
           double                 fy,
           double                 fw,
           double                 fh)
{
  double px = fx + AXIS_SPACE;
  double py = fy;
  double pw = fw - AXIS_SPACE;
  double ph = fh - AXIS_SPACE;
  double bounds[4 * 4];
  double band = 0;
  g_autoptr(PangoLayout) across = NULL;
  g_autoptr(PangoLayout) up = NULL;

  /* Quadrants with their titles at the top of each. */
  for (int q = RAAD_QUADRANT_MONITOR; q <= RAAD_QUADRANT_MANAGE_CLOSELY; q++)
    {
      QuadrantArea area = quadrant_area (q);
      g_autoptr(PangoLayout) title = raad_draw_layout (cr, raad_speelveld_quadrant_title (q), 9.5,
                                                    PANGO_WEIGHT_BOLD,
                                                    (area.x1 - area.x0) * pw - 12, 1,
                                                    PANGO_ALIGN_LEFT);
      double x0 = px + area.x0 * pw, y0 = py + area.y0 * ph;

      cairo_rectangle (cr, x0, y0, (area.x1 - area.x0) * pw, (area.y1 - area.y0) * ph);
      raad_draw_set_colour (cr, area.tint);
      cairo_fill (cr);
      show_layout (cr, title, x0 + 6, y0 + 4, INK_SOFT);
      band = MAX (band, raad_draw_layout_height (title) + 6);
    }
  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  raad_draw_set_colour (cr, RULE);
  cairo_move_to (cr, px + 0.4 * pw, py);
  cairo_line_to (cr, px + 0.4 * pw, py + ph);
  cairo_move_to (cr, px, py + 0.6 * ph);
  cairo_line_to (cr, px + pw, py + 0.6 * ph);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* The axes: interest across, influence up. */
  cairo_save (cr);
  raad_draw_set_colour (cr, INK_SOFT);
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, px, py + ph);
  cairo_line_to (cr, px + pw - 2, py + ph);
  cairo_move_to (cr, px, py + ph);
  cairo_line_to (cr, px, py + 2);
  cairo_stroke (cr);
  draw_arrow_head (cr, px + pw, py + ph, 0);
  draw_arrow_head (cr, px, py, -G_PI / 2);
  /* TRANSLATORS: the horizontal axis of the power/interest grid */
  across = raad_draw_layout (cr, _("Interest"), 9.5, PANGO_WEIGHT_BOLD, -1, 0, PANGO_ALIGN_LEFT);
  show_layout (cr, across, px + pw / 2 - raad_draw_layout_width (across) / 2,
               py + ph + (AXIS_SPACE - raad_draw_layout_height (across)) / 2, INK);
  /* TRANSLATORS: the vertical axis of the power/interest grid */
  up = raad_draw_layout (cr, _("Influence"), 9.5, PANGO_WEIGHT_BOLD, -1, 0, PANGO_ALIGN_LEFT);
  cairo_move_to (cr, fx + (AXIS_SPACE - raad_draw_layout_height (up)) / 2,
                 py + ph / 2 + raad_draw_layout_width (up) / 2);
  cairo_rotate (cr, -G_PI / 2);
  raad_draw_set_colour (cr, INK);
  pango_cairo_update_layout (cr, up);
  pango_cairo_show_layout (cr, up);
  cairo_restore (cr);

  for (int q = RAAD_QUADRANT_MONITOR; q <= RAAD_QUADRANT_MANAGE_CLOSELY; q++)
    {
      QuadrantArea area = quadrant_area (q);

      bounds[4 * q] = px + area.x0 * pw + 3;
      bounds[4 * q + 1] = py + area.y0 * ph + band;
      bounds[4 * q + 2] = px + area.x1 * pw - 3;
      bounds[4 * q + 3] = py + area.y1 * ph - 3;
    }

  /* Start from the places the grid gives (cells of a fifth), mapped into the quadrant below
   * its title, then push apart what overlaps; narrower boxes when that does not do. */
  for (guint s = 0; s < G_N_ELEMENTS (box_styles); s++)
    {
      measure_parties (self, cr, &box_styles[s]);
      for (guint i = 0; i < self->parties->len; i++)
        {
          Party *party = g_ptr_array_index (self->parties, i);
          QuadrantArea area = quadrant_area (party->quadrant);
          const double *b = bounds + 4 * party->quadrant;
          double along = (party->y - area.y0) / (area.y1 - area.y0);

          party->cx = px + party->x * pw;
          party->cy = b[1] + along * (b[3] - b[1]);
        }
      if (separate_boxes (self, bounds) || arrange_in_rows (self, bounds))
        break;
    }

  for (guint i = 0; i < self->parties->len; i++)
    {
      Party *party = g_ptr_array_index (self->parties, i);

      layout_party (self, cr, party, TRUE, party->cx - party->width / 2,
                    party->cy - party->height / 2, party->width, party->height);
    }
}

/* Title line: "Playing field: <council>", the date; under it the organisation and layout. */
static double
layout_header (RaadSpeelveldDocument *self,
               cairo_t               *cr,
               gboolean               draw,
               double                 x,
               double                 y,
               double                 width)
{
  g_autofree char *title_text = NULL;
  g_autofree char *sub_text = NULL;
  g_autoptr(PangoLayout) date = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) sub = NULL;
  const char *layout_name = self->grid ? _("Power/interest grid") : _("Map");
  double date_width;
  double top = y;

  /* TRANSLATORS: the title of the exported playing field: "Playing field: CCR" */
  title_text = g_strdup_printf (_("Playing field: %s"), self->council_name);
  if (self->organisation_name[0] != '\0')
    /* TRANSLATORS: under the title: "<organisation> · Map" */
    sub_text = g_strdup_printf (_("%s · %s"), self->organisation_name, layout_name);
  else
    sub_text = g_strdup (layout_name);

  date = raad_draw_layout (cr, self->date_text, 9.5, PANGO_WEIGHT_NORMAL, -1, 0, PANGO_ALIGN_LEFT);
  date_width = raad_draw_layout_width (date);
  title = raad_draw_layout (cr, title_text, 15, PANGO_WEIGHT_BOLD, width - date_width - 18, 1,
                         PANGO_ALIGN_LEFT);
  sub = raad_draw_layout (cr, sub_text, 9.5, PANGO_WEIGHT_NORMAL, width, 1, PANGO_ALIGN_LEFT);

  if (draw)
    {
      show_layout (cr, date, x + width - date_width,
                   top + raad_draw_layout_height (title) - raad_draw_layout_height (date) - 1, INK_SOFT);
      show_layout (cr, title, x, top, INK);
      show_layout (cr, sub, x, top + raad_draw_layout_height (title), INK_SOFT);
    }
  top += raad_draw_layout_height (title) + raad_draw_layout_height (sub) + 4;
  if (draw)
    {
      cairo_save (cr);
      cairo_move_to (cr, x, top + 0.4);
      cairo_line_to (cr, x + width, top + 0.4);
      cairo_set_line_width (cr, 0.8);
      raad_draw_set_colour (cr, RULE);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  return top + 0.8 - y;
}

/* The legend flows left to right in items that wrap as a whole. */
typedef enum
{
  LEGEND_HEADING,
  LEGEND_TEXT,
  LEGEND_LINE,
  LEGEND_PILL,
  LEGEND_BADGE,
} LegendKind;

typedef struct
{
  LegendKind  kind;
  const char *relation;   /* LEGEND_LINE */
  const char *sample;     /* LEGEND_PILL, LEGEND_BADGE */
  const char *text;
} LegendItem;

#define LEGEND_SIZE   8.0
#define LEGEND_SAMPLE 26.0
#define LEGEND_GAP    12.0

static double
layout_legend_item (cairo_t          *cr,
                    const LegendItem *item,
                    gboolean          draw,
                    double            x,
                    double            y,
                    double           *height)
{
  g_autoptr(PangoLayout) text = raad_draw_layout (cr, item->text, LEGEND_SIZE,
                                               item->kind == LEGEND_HEADING ? PANGO_WEIGHT_BOLD
                                                                            : PANGO_WEIGHT_NORMAL,
                                               -1, 0, PANGO_ALIGN_LEFT);
  double line = raad_draw_layout_height (text);
  double sample = 0;

  *height = line + 4;
  switch (item->kind)
    {
    case LEGEND_HEADING:
    case LEGEND_TEXT:
      break;
    case LEGEND_LINE:
      sample = LEGEND_SAMPLE + 4;
      if (draw)
        {
          cairo_save (cr);
          stroke_link (cr, x, y + line / 2, x + LEGEND_SAMPLE, y + line / 2, item->relation);
          cairo_restore (cr);
        }
      break;
    case LEGEND_PILL:
      {
        g_autoptr(PangoLayout) pill = raad_draw_layout (cr, item->sample, LINK_LABEL_SIZE,
                                                     PANGO_WEIGHT_NORMAL, -1, 0,
                                                     PANGO_ALIGN_LEFT);
        double pill_width = raad_draw_layout_width (pill) + raad_draw_layout_height (pill) * 0.9 + 16;

        sample = pill_width + 4;
        if (draw)
          raad_speelveld_draw_link (cr, x, y + line / 2, x + pill_width, y + line / 2, NULL,
                                    item->sample);
      }
      break;
    case LEGEND_BADGE:
      {
        g_autoptr(PangoLayout) badge = raad_draw_layout (cr, item->sample, LEGEND_SIZE - 1,
                                                      PANGO_WEIGHT_BOLD, -1, 0,
                                                      PANGO_ALIGN_LEFT);
        sample = raad_draw_layout_width (badge) + LEGEND_SIZE + 3;
        layout_badge (cr, item->sample, LEGEND_SIZE - 1, draw, x, y, 1000);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  if (draw)
    show_layout (cr, text, x + sample, y, item->kind == LEGEND_HEADING ? INK : INK_SOFT);
  return sample + raad_draw_layout_width (text);
}

static double
layout_legend (RaadSpeelveldDocument *self,
               cairo_t               *cr,
               gboolean               draw,
               double                 x,
               double                 y,
               double                 width)
{
  g_autofree char *right_titles = NULL;
  g_autofree char *rights_text = NULL;
  const char * const *rights = raad_speelveld_rights ();
  GPtrArray *titles = g_ptr_array_new ();
  LegendItem items[12];
  guint n = 0;
  double cx = x, cy = y, row = 0;

  for (guint i = 0; rights[i] != NULL; i++)
    if (g_strcmp0 (rights[i], "none") != 0)
      g_ptr_array_add (titles, (gpointer) raad_speelveld_right_title (rights[i]));
  g_ptr_array_add (titles, NULL);
  right_titles = g_strjoinv (", ", (char **) titles->pdata);
  g_ptr_array_unref (titles);

  items[n++] = (LegendItem) { LEGEND_HEADING, NULL, NULL,
                              self->grid ? _("Border: relation") : _("Line: relation") };
  items[n++] = (LegendItem) { LEGEND_LINE, "good", NULL, raad_speelveld_relation_title ("good") };
  items[n++] = (LegendItem) { LEGEND_LINE, "neutral", NULL,
                              raad_speelveld_relation_title ("neutral") };
  items[n++] = (LegendItem) { LEGEND_LINE, "strained", NULL,
                              raad_speelveld_relation_title ("strained") };
  items[n++] = (LegendItem) { LEGEND_LINE, NULL, NULL, C_("relation", "Unknown") };
  if (!self->grid)
    {
      /* TRANSLATORS: the legend's explanation of the label on a line, with the list of
       * rights: "the council's formal right (Information, Consultation, …); no label: …" */
      rights_text = g_strdup_printf (_("the council's formal right (%s); "
                                       "no label: no formal right"), right_titles);
      items[n++] = (LegendItem) { LEGEND_PILL, NULL, raad_speelveld_right_title ("advice"),
                                  rights_text };
    }
  else
    {
      /* TRANSLATORS: the legend of the grid, followed by the list of rights */
      rights_text = g_strdup_printf (_("In each box: the council's formal right, if any (%s)"),
                                     right_titles);
      items[n++] = (LegendItem) { LEGEND_TEXT, NULL, NULL, rights_text };
    }
  items[n++] = (LegendItem) { LEGEND_BADGE, NULL, _("Overdue"),
                              _("not spoken to within the planned contact rhythm") };
  items[n++] = (LegendItem) { LEGEND_BADGE, NULL, _("Never spoken to"),
                              _("no contact logged yet") };

  for (guint i = 0; i < n; i++)
    {
      double item_height;
      double item_width = layout_legend_item (cr, &items[i], FALSE, 0, 0, &item_height);
      /* An item that does not fit on the line starts the next one. */
      if (cx > x && cx + item_width > x + width)
        {
          cx = x;
          cy += row;
          row = 0;
        }
      if (draw)
        layout_legend_item (cr, &items[i], TRUE, cx, cy, &item_height);
      cx += item_width + LEGEND_GAP;
      row = MAX (row, item_height);
    }
  return cy + row - y;
}

/* Public API */

static void
raad_speelveld_document_finalize (GObject *object)
{
  RaadSpeelveldDocument *self = RAAD_SPEELVELD_DOCUMENT (object);

  g_clear_object (&self->store);
  g_free (self->council_id);
  g_free (self->today);
  g_free (self->organisation_name);
  g_free (self->council_name);
  g_free (self->date_text);
  g_clear_pointer (&self->parties, g_ptr_array_unref);
  g_clear_pointer (&self->table_pages, g_array_unref);

  G_OBJECT_CLASS (raad_speelveld_document_parent_class)->finalize (object);
}

static void
raad_speelveld_document_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RaadSpeelveldDocument *self = RAAD_SPEELVELD_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_COUNCIL_ID:
      g_value_set_string (value, self->council_id);
      break;
    case PROP_GRID:
      g_value_set_boolean (value, self->grid);
      break;
    case PROP_TODAY:
      g_value_set_string (value, self->today);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_speelveld_document_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RaadSpeelveldDocument *self = RAAD_SPEELVELD_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_COUNCIL_ID:
      self->council_id = g_value_dup_string (value);
      break;
    case PROP_GRID:
      self->grid = g_value_get_boolean (value);
      break;
    case PROP_TODAY:
      raad_speelveld_document_set_today (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_speelveld_document_class_init (RaadSpeelveldDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = raad_speelveld_document_finalize;
  object_class->get_property = raad_speelveld_document_get_property;
  object_class->set_property = raad_speelveld_document_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, RAAD_TYPE_STORE, construct);
  properties[PROP_COUNCIL_ID] = g_param_spec_string ("council-id", NULL, NULL, NULL, construct);
  properties[PROP_GRID] = g_param_spec_boolean ("grid", NULL, NULL, FALSE, construct);
  properties[PROP_TODAY] = g_param_spec_string ("today", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raad_speelveld_document_init (RaadSpeelveldDocument *self)
{
  self->page_width = RAAD_SPEELVELD_PAGE_WIDTH;
  self->page_height = RAAD_SPEELVELD_PAGE_HEIGHT;
}

RaadSpeelveldDocument *
raad_speelveld_document_new (RaadStore  *store,
                             const char *council_id,
                             gboolean    grid)
{
  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);
  g_return_val_if_fail (council_id != NULL, NULL);

  return g_object_new (RAAD_TYPE_SPEELVELD_DOCUMENT,
                       "store", store,
                       "council-id", council_id,
                       "grid", grid,
                       NULL);
}

RaadStore *
raad_speelveld_document_get_store (RaadSpeelveldDocument *self)
{
  g_return_val_if_fail (RAAD_IS_SPEELVELD_DOCUMENT (self), NULL);

  return self->store;
}

const char *
raad_speelveld_document_get_council_id (RaadSpeelveldDocument *self)
{
  g_return_val_if_fail (RAAD_IS_SPEELVELD_DOCUMENT (self), NULL);

  return self->council_id;
}

gboolean
raad_speelveld_document_get_grid (RaadSpeelveldDocument *self)
{
  g_return_val_if_fail (RAAD_IS_SPEELVELD_DOCUMENT (self), FALSE);

  return self->grid;
}

void
raad_speelveld_document_set_today (RaadSpeelveldDocument *self,
                                   const char            *today)
{
  g_autoptr(GDate) date = NULL;

  g_return_if_fail (RAAD_IS_SPEELVELD_DOCUMENT (self));

  if (today != NULL && (date = raad_date_parse (today)) == NULL)
    {
      g_critical ("“%s” is no date (YYYY-MM-DD)", today);
      return;
    }
  if (g_strcmp0 (today, self->today) == 0)
    return;
  g_free (self->today);
  self->today = g_strdup (today);
  self->loaded = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

const char *
raad_speelveld_document_get_today (RaadSpeelveldDocument *self)
{
  g_return_val_if_fail (RAAD_IS_SPEELVELD_DOCUMENT (self), NULL);

  return self->today;
}

void
raad_speelveld_document_reload (RaadSpeelveldDocument *self)
{
  g_return_if_fail (RAAD_IS_SPEELVELD_DOCUMENT (self));

  load (self);
}

void
raad_speelveld_document_draw (RaadSpeelveldDocument *self,
                              cairo_t               *cr,
                              double                 width,
                              double                 height)
{
  double scale, w, h;
  double header, legend;
  double field_y, field_height;

  g_return_if_fail (RAAD_IS_SPEELVELD_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (width > 0 && height > 0);

  ensure_loaded (self);

  /* The design space is at least A4 landscape; the short side follows the target's shape. */
  scale = MIN (width / DESIGN_WIDTH, height / DESIGN_HEIGHT);
  w = width / scale;
  h = height / scale;

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, w, h);
  raad_draw_set_colour (cr, PAPER);
  cairo_fill (cr);

  header = layout_header (self, cr, TRUE, MARGIN, MARGIN, w - 2 * MARGIN);
  legend = layout_legend (self, cr, FALSE, MARGIN, 0, w - 2 * MARGIN);
  layout_legend (self, cr, TRUE, MARGIN, h - MARGIN - legend, w - 2 * MARGIN);

  field_y = MARGIN + header + SECTION_GAP;
  field_height = h - MARGIN - legend - SECTION_GAP - field_y;

  self->field = (RaadSpeelveldBox) { MARGIN, field_y, w - 2 * MARGIN, field_height };
  if (self->parties->len == 0 && !self->grid)
    {
      /* TRANSLATORS: on an exported playing field without parties */
      g_autoptr(PangoLayout) empty = raad_draw_layout (cr, _("No parties on this playing field yet"),
                                                    11, PANGO_WEIGHT_NORMAL, w - 2 * MARGIN,
                                                    0, PANGO_ALIGN_CENTER);
      double council_width, council_height;

      layout_council (self, cr, TRUE, w / 2, field_y + field_height / 2,
                      &council_width, &council_height);
      show_layout (cr, empty, MARGIN, field_y + field_height / 2 + council_height, INK_SOFT);
    }
  else if (self->grid)
    draw_grid (self, cr, MARGIN, field_y, w - 2 * MARGIN, field_height);
  else
    draw_map (self, cr, MARGIN, field_y, w - 2 * MARGIN, field_height);

  cairo_restore (cr);
}

/* The list of parties (PDF pages after the field) */

enum
{
  COLUMN_PARTY,
  COLUMN_CONTACT_PERSON,
  COLUMN_RELATION,
  COLUMN_RIGHT,
  COLUMN_RHYTHM,
  COLUMN_LAST_CONTACT,
  COLUMN_DUE,
  N_COLUMNS
};

static const double column_widths[N_COLUMNS] = { 0.22, 0.17, 0.10, 0.13, 0.11, 0.13, 0.14 };

#define TABLE_SIZE 8.5

static const char *
column_title (int column)
{
  switch (column)
    {
    case COLUMN_PARTY:
      return _("Party");
    case COLUMN_CONTACT_PERSON:
      return _("Contact person");
    case COLUMN_RELATION:
      return _("Relation");
    case COLUMN_RIGHT:
      return _("Formal right");
    case COLUMN_RHYTHM:
      return _("Contact rhythm");
    case COLUMN_LAST_CONTACT:
      return _("Last contact");
    case COLUMN_DUE:
      return _("Next talk due");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The texts of one cell: a first line and an optional second one (soft or, when @alert, in
 * the overdue colour). */
static void
cell_texts (Party  *party,
            int     column,
            char  **first,
            char  **second,
            gboolean *alert)
{
  guint rhythm = 0;

  *first = NULL;
  *second = NULL;
  *alert = FALSE;
  switch (column)
    {
    case COLUMN_PARTY:
      *first = g_strdup (party->name);
      *second = g_strdup (party->category_title);
      break;
    case COLUMN_CONTACT_PERSON:
      *first = g_strdup (party->contact_person != NULL ? party->contact_person : "—");
      break;
    case COLUMN_RELATION:
      *first = g_strdup (party->relation_title);
      break;
    case COLUMN_RIGHT:
      *first = g_strdup (party->right_title != NULL ? party->right_title : "—");
      break;
    case COLUMN_RHYTHM:
      g_object_get (party->party, "rhythm-months", &rhythm, NULL);
      if (rhythm == 0)
        *first = g_strdup (_("None planned"));
      else
        /* TRANSLATORS: a party's planned contact rhythm */
        *first = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every month",
                                               "Every %u months", rhythm), rhythm);
      break;
    case COLUMN_LAST_CONTACT:
      *first = party->due->last_contact != NULL ? format_date (party->due->last_contact)
                                                : g_strdup (_("Never"));
      break;
    case COLUMN_DUE:
      *first = party->due->due != NULL ? format_date (party->due->due) : g_strdup ("—");
      if (party->mark != NULL)
        {
          *second = g_strdup (party->mark);
          *alert = TRUE;
        }
      else if (party->due->state == RAAD_CONTACT_DUE_SOON)
        *second = g_strdup (_("Due soon"));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Measures (and draws) one row of the list at @y; @party NULL is the header row. */
static double
layout_row (RaadSpeelveldDocument *self,
            cairo_t               *cr,
            Party                 *party,
            gboolean               draw,
            gboolean               shaded,
            double                 y)
{
  double content = self->page_width - 2 * TABLE_MARGIN;
  double x = TABLE_MARGIN;
  double height = 0;
  PangoLayout *firsts[N_COLUMNS] = { NULL };
  PangoLayout *seconds[N_COLUMNS] = { NULL };
  gboolean alerts[N_COLUMNS] = { FALSE };

  for (int c = 0; c < N_COLUMNS; c++)
    {
      double cell_width = column_widths[c] * content - 2 * CELL_PADDING;
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;
      double cell_height;

      if (party == NULL)
        first = g_strdup (column_title (c));
      else
        cell_texts (party, c, &first, &second, &alerts[c]);

      firsts[c] = raad_draw_layout (cr, first, TABLE_SIZE,
                                 party == NULL || c == COLUMN_PARTY ? PANGO_WEIGHT_BOLD
                                                                    : PANGO_WEIGHT_NORMAL,
                                 cell_width, 3, PANGO_ALIGN_LEFT);
      cell_height = raad_draw_layout_height (firsts[c]);
      if (second != NULL)
        {
          seconds[c] = raad_draw_layout (cr, second, TABLE_SIZE - 1,
                                      alerts[c] ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                      cell_width, 2, PANGO_ALIGN_LEFT);
          cell_height += raad_draw_layout_height (seconds[c]);
        }
      height = MAX (height, cell_height);
    }
  height += 2 * CELL_PADDING;

  if (draw)
    {
      if (shaded || party == NULL)
        {
          cairo_rectangle (cr, TABLE_MARGIN, y, content, height);
          raad_draw_set_colour (cr, party == NULL ? 0xdeddda : BOX_FILL);
          cairo_fill (cr);
        }
      for (int c = 0; c < N_COLUMNS; c++)
        {
          show_layout (cr, firsts[c], x + CELL_PADDING, y + CELL_PADDING, INK);
          if (seconds[c] != NULL)
            show_layout (cr, seconds[c], x + CELL_PADDING,
                         y + CELL_PADDING + raad_draw_layout_height (firsts[c]),
                         alerts[c] ? OVERDUE_INK : INK_SOFT);
          x += column_widths[c] * content;
        }
    }
  for (int c = 0; c < N_COLUMNS; c++)
    {
      g_clear_object (&firsts[c]);
      g_clear_object (&seconds[c]);
    }
  return height;
}

static double
layout_list_title (RaadSpeelveldDocument *self,
                   cairo_t               *cr,
                   gboolean               draw)
{
  /* TRANSLATORS: the title of the list of parties after the exported map */
  g_autofree char *text = g_strdup_printf (_("Parties of %s"), self->council_name);
  g_autoptr(PangoLayout) title = raad_draw_layout (cr, text, 13, PANGO_WEIGHT_BOLD,
                                                self->page_width - 2 * TABLE_MARGIN, 1,
                                                PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) date = raad_draw_layout (cr, self->date_text, 9, PANGO_WEIGHT_NORMAL,
                                               -1, 0, PANGO_ALIGN_LEFT);

  if (draw)
    {
      show_layout (cr, title, TABLE_MARGIN, TABLE_MARGIN, INK);
      show_layout (cr, date, self->page_width - TABLE_MARGIN - raad_draw_layout_width (date),
                   TABLE_MARGIN + raad_draw_layout_height (title) - raad_draw_layout_height (date), INK_SOFT);
    }
  return raad_draw_layout_height (title) + 10;
}

static double
layout_footer (RaadSpeelveldDocument *self,
               cairo_t               *cr,
               gboolean               draw,
               int                    page)
{
  /* TRANSLATORS: the footer of every printed page */
  g_autofree char *text = g_strdup_printf (_("Page %d of %u"), page + 1,
                                           self->table_pages->len + 1);
  g_autoptr(PangoLayout) layout = raad_draw_layout (cr, text, 8, PANGO_WEIGHT_NORMAL,
                                                 self->page_width - 2 * TABLE_MARGIN, 1,
                                                 PANGO_ALIGN_CENTER);
  double height = raad_draw_layout_height (layout);

  if (draw)
    show_layout (cr, layout, TABLE_MARGIN, self->page_height - TABLE_MARGIN / 2 - height,
                 INK_SOFT);
  return height;
}

int
raad_speelveld_document_paginate (RaadSpeelveldDocument *self,
                                  cairo_t               *cr,
                                  double                 width,
                                  double                 height)
{
  double top, bottom, y;

  g_return_val_if_fail (RAAD_IS_SPEELVELD_DOCUMENT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  load (self);
  self->page_width = width;
  self->page_height = height;
  g_clear_pointer (&self->table_pages, g_array_unref);
  self->table_pages = g_array_new (FALSE, FALSE, sizeof (guint));
  if (self->parties->len == 0)
    return 1;

  top = TABLE_MARGIN + layout_list_title (self, cr, FALSE)
        + layout_row (self, cr, NULL, FALSE, FALSE, 0);
  bottom = height - TABLE_MARGIN / 2 - layout_footer (self, cr, FALSE, 0) - 8;
  y = bottom;   /* the first row starts a page */
  for (guint i = 0; i < self->parties->len; i++)
    {
      double row = layout_row (self, cr, g_ptr_array_index (self->parties, i), FALSE, FALSE, 0);

      if (y + row > bottom && (y > top || self->table_pages->len == 0))
        {
          g_array_append_val (self->table_pages, i);
          y = top;
        }
      y += row;
    }
  return 1 + self->table_pages->len;
}

void
raad_speelveld_document_draw_page (RaadSpeelveldDocument *self,
                                   cairo_t               *cr,
                                   int                   page)
{
  guint first, end;
  double y;

  g_return_if_fail (RAAD_IS_SPEELVELD_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->table_pages != NULL);
  g_return_if_fail (page >= 0 && (guint) page <= self->table_pages->len);

  if (page == 0)
    {
      raad_speelveld_document_draw (self, cr, self->page_width, self->page_height);
      return;
    }

  first = g_array_index (self->table_pages, guint, page - 1);
  end = (guint) page < self->table_pages->len ? g_array_index (self->table_pages, guint, page)
                                             : self->parties->len;
  cairo_save (cr);
  y = TABLE_MARGIN + layout_list_title (self, cr, TRUE);
  y += layout_row (self, cr, NULL, TRUE, FALSE, y);
  for (guint i = first; i < end; i++)
    y += layout_row (self, cr, g_ptr_array_index (self->parties, i), TRUE, (i - first) % 2 == 1,
                     y);
  layout_footer (self, cr, TRUE, page);
  cairo_restore (cr);
}

/* Files */

/* What a PNG or SVG export writes, for raad_write_whole. */
typedef struct
{
  RaadSpeelveldDocument *self;
  double                 scale;
} Export;

static cairo_status_t
write_png (cairo_write_func_t  write,
           gpointer            closure,
           gpointer            data)
{
  RaadSpeelveldDocument *self = ((Export *) data)->self;
  double scale = ((Export *) data)->scale;
  int width = (int) round (RAAD_SPEELVELD_PNG_WIDTH * scale);
  int height = (int) round (RAAD_SPEELVELD_PNG_HEIGHT * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_status_t status = cairo_surface_status (surface);
  cairo_t *cr;

  if (status == CAIRO_STATUS_SUCCESS)
    {
      cr = cairo_create (surface);
      raad_speelveld_document_draw (self, cr, width, height);
      status = cairo_status (cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
    }
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, write, closure);
  cairo_surface_destroy (surface);
  return status;
}

static cairo_status_t
write_svg (cairo_write_func_t  write,
           gpointer            closure,
           gpointer            data)
{
  RaadSpeelveldDocument *self = ((Export *) data)->self;
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (write, closure,
                                                                  RAAD_SPEELVELD_PAGE_WIDTH,
                                                                  RAAD_SPEELVELD_PAGE_HEIGHT);
  cairo_status_t status;
  cairo_t *cr;

  /* Points, so that the SVG says its real size (A4 landscape) to whoever opens it. */
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
  cr = cairo_create (surface);
  raad_speelveld_document_draw (self, cr, RAAD_SPEELVELD_PAGE_WIDTH, RAAD_SPEELVELD_PAGE_HEIGHT);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

gboolean
raad_speelveld_document_export_png (RaadSpeelveldDocument  *self,
                                    const char             *path,
                                    double                  scale,
                                    GError                **error)
{
  g_return_val_if_fail (RAAD_IS_SPEELVELD_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (scale > 0 && scale <= 8, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  load (self);
  return raad_write_whole (path, write_png, &(Export) { self, scale }, error);
}

gboolean
raad_speelveld_document_export_svg (RaadSpeelveldDocument  *self,
                                    const char             *path,
                                    GError                **error)
{
  g_return_val_if_fail (RAAD_IS_SPEELVELD_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  load (self);
  return raad_write_whole (path, write_svg, &(Export) { self, 1.0 }, error);
}

static char *
pdf_title (gpointer document)
{
  RaadSpeelveldDocument *self = document;

  /* TRANSLATORS: the PDF's title: "Playing field — Centrale Cliëntenraad" */
  return g_strdup_printf (_("Playing field — %s"), self->council_name);
}

gboolean
raad_speelveld_document_export_pdf (RaadSpeelveldDocument  *self,
                                    const char             *path,
                                    GError                **error)
{
  g_return_val_if_fail (RAAD_IS_SPEELVELD_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return raad_pdf_export (self, (RaadPdfPaginate) raad_speelveld_document_paginate,
                          (RaadPdfDrawPage) raad_speelveld_document_draw_page, pdf_title,
                          RAAD_SPEELVELD_PAGE_WIDTH, RAAD_SPEELVELD_PAGE_HEIGHT, path, error);
}

GArray *
_raad_speelveld_document_get_boxes (RaadSpeelveldDocument *self,
                                    RaadSpeelveldBox      *field)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (RaadSpeelveldBox));

  g_return_val_if_fail (RAAD_IS_SPEELVELD_DOCUMENT (self), boxes);

  if (field != NULL)
    *field = self->field;
  for (guint i = 0; self->parties != NULL && i < self->parties->len; i++)
    {
      Party *party = g_ptr_array_index (self->parties, i);
      RaadSpeelveldBox box = { party->cx - party->width / 2, party->cy - party->height / 2,
                               party->width, party->height };

      g_array_append_val (boxes, box);
    }
  return boxes;
}
