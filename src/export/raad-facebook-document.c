/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-facebook-document.c: the face-book laid out on pages, for PDF export and printing */

/* One drawing routine serves the PDF export and GtkPrintOperation: paginate() reads the store
 * (organisation, councils CCR first, each council's members by role rank and name, linking
 * pins included) into sections of cards, measures every card with Pango on the caller's cairo
 * context, and places items (section titles, rows of cards) on pages; draw_page() only draws
 * the items of one page. Measuring and drawing a card go through the same function, so what
 * was measured is what is drawn. All sizes are points: layouts use a resolution of 72.
 */

#define G_LOG_DOMAIN "raad-export"

#include "config.h"

#include <glib/gi18n.h>

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "raad-council.h"
#include "raad-facebook-document.h"
#include "raad-member.h"
#include "raad-organisation.h"
#include "raad-draw.h"
#include "raad-pdf.h"
#include "raad-photo.h"
#include "raad-query.h"
#include "raad-record-list.h"

#define DEFAULT_MARGIN  36.0
#define HEADER_GAP      18.0
#define FOOTER_HEIGHT   22.0
#define COLUMNS         3
#define MIN_CARD_WIDTH  130.0
#define COLUMN_GAP      12.0
#define ROW_GAP         12.0
#define SECTION_GAP     24.0
#define TITLE_GAP       12.0
#define CARD_PADDING    10.0
#define CARD_RADIUS     8.0
#define AVATAR_SIZE     72.0
#define TERM_MONTHS     3

/* Colours (GNOME palette), as 0xRRGGBB. */
#define INK             0x241f31
#define INK_SOFT        0x5e5c64
#define RULE            0xc0bfbc
#define CARD_FILL       0xf6f5f4
#define CARD_STROKE     0xdeddda
#define ACCENT_CENTRAL  0x1c71d8
#define ACCENT_LOCAL    0x26a269
#define PIN_FILL        0xdbe8f9
#define PIN_INK         0x1a5fb4
#define WARNING_INK     0xa51d2d

static const guint32 avatar_colours[] = {
  0x1c71d8, 0x26a269, 0xc64600, 0xc01c28, 0x813d9c, 0x865e3c,
  0x2190a4, 0x5e5c64, 0x1a5fb4, 0xa8336a, 0x613583, 0x3a944a,
};

typedef struct
{
  RaadMember *member;
  char       *areas;       /* attention areas, joined */
  gboolean    linking_pin; /* shown with the "Linking pin" badge */
  char       *pin_detail;  /* "Member of CCR" / "Also in De Linde", or NULL */
  char       *term_text;   /* "Term ends 1 March 2025", or NULL */
  double      height;
} Card;

typedef struct
{
  RaadCouncil *council;    /* NULL for the "no councils" notice */
  char        *subtitle;
  GPtrArray   *cards;      /* Card* */
} Section;

typedef enum
{
  ITEM_TITLE,
  ITEM_CONTINUED,
  ITEM_ROW,
  ITEM_EMPTY,
} ItemKind;

typedef struct
{
  ItemKind  kind;
  Section  *section;
  guint     first;   /* ITEM_ROW: the cards first … first + n - 1 */
  guint     n;
  double    y;
  double    height;
} Item;

struct _RaadFacebookDocument
{
  GObject     parent_instance;

  RaadStore  *store;
  char       *council_id;
  GDateTime  *date;
  double      margin;

  /* The last pagination. */
  double      width;
  double      height;
  double      card_width;
  guint       columns;
  char       *organisation_name;
  char       *scope_text;
  char       *date_text;
  GPtrArray  *sections;      /* Section* */
  GPtrArray  *pages;         /* GArray of Item */
  GHashTable *photos;        /* member id → cairo_surface_t*, decoded once per pagination */
};

enum
{
  PROP_0,
  PROP_STORE,
  PROP_COUNCIL_ID,
  PROP_DATE,
  PROP_MARGIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RaadFacebookDocument, raad_facebook_document, G_TYPE_OBJECT)

static void
card_free (gpointer data)
{
  Card *card = data;

  g_clear_object (&card->member);
  g_free (card->areas);
  g_free (card->pin_detail);
  g_free (card->term_text);
  g_free (card);
}

static void
section_free (gpointer data)
{
  Section *section = data;

  g_clear_object (&section->council);
  g_free (section->subtitle);
  g_ptr_array_unref (section->cards);
  g_free (section);
}

static void
clear_layout (RaadFacebookDocument *self)
{
  g_clear_pointer (&self->organisation_name, g_free);
  g_clear_pointer (&self->scope_text, g_free);
  g_clear_pointer (&self->date_text, g_free);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_hash_table_remove_all (self->photos);
}

static const char *
council_name (RaadCouncil *council)
{
  const char *name = raad_council_get_name (council);

  return name != NULL && *name != '\0' ? name : _("Unnamed council");
}

/* Shows @layout at (@x, @y) when drawing; returns its height either way. */
static double
place_layout (cairo_t     *cr,
              PangoLayout *layout,
              gboolean     draw,
              double       x,
              double       y,
              guint32      colour)
{
  if (draw)
    {
      raad_draw_set_colour (cr, colour);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  return raad_draw_layout_height (layout);
}

static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  const guchar *pixels = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface;
  guchar *data;
  int data_stride;

  surface = cairo_image_surface_create (alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                        width, height);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  data_stride = cairo_image_surface_get_stride (surface);

  for (int y = 0; y < height; y++)
    {
      const guchar *src = pixels + y * stride;
      guint32 *dst = (guint32 *) (data + y * data_stride);

      for (int x = 0; x < width; x++, src += channels)
        {
          guint a = alpha ? src[3] : 0xff;
          guint r = src[0], g = src[1], b = src[2];

          if (alpha && a != 0xff)
            {
              r = (r * a + 127) / 255;
              g = (g * a + 127) / 255;
              b = (b * a + 127) / 255;
            }
          dst[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* The pixel size to decode a photo at: the device size on raster surfaces, three times the
 * point size (216 dpi) on PDF and print surfaces, never more than is stored. */
static int
photo_pixels (cairo_t *cr,
              double   size)
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));
  double dx = size, dy = size;
  double pixels;

  if (type == CAIRO_SURFACE_TYPE_IMAGE || type == CAIRO_SURFACE_TYPE_XLIB
      || type == CAIRO_SURFACE_TYPE_XCB || type == CAIRO_SURFACE_TYPE_WIN32
      || type == CAIRO_SURFACE_TYPE_QUARTZ)
    {
      cairo_user_to_device_distance (cr, &dx, &dy);
      pixels = MAX (fabs (dx), fabs (dy));
    }
  else
    pixels = size * 3;
  return CLAMP ((int) ceil (pixels), 16, RAAD_PHOTO_SIZE);
}

/* The member's photo as a surface, or NULL; decoded once and kept until the next pagination. */
static cairo_surface_t *
lookup_photo (RaadFacebookDocument *self,
              cairo_t              *cr,
              RaadMember           *member,
              double                size)
{
  RaadRecord *record = RAAD_RECORD (member);
  const char *id = raad_record_get_id (record);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = NULL;

  if (g_hash_table_lookup_extended (self->photos, id, NULL, (gpointer *) &surface))
    return surface;

  if (raad_record_has_attachment (record, RAAD_MEMBER_PHOTO))
    {
      bytes = raad_record_get_attachment (record, RAAD_MEMBER_PHOTO, NULL, &error);
      if (bytes != NULL)
        pixbuf = raad_photo_load_thumbnail (bytes, photo_pixels (cr, size), &error);
      if (pixbuf != NULL)
        surface = surface_from_pixbuf (pixbuf);
      else
        g_warning ("Photo of member %s cannot be drawn: %s", id, error->message);
    }
  g_hash_table_insert (self->photos, g_strdup (id), surface);
  return surface;
}

static void
draw_avatar (RaadFacebookDocument *self,
             cairo_t              *cr,
             RaadMember           *member,
             double                x,
             double                y,
             double                size)
{
  cairo_surface_t *photo = lookup_photo (self, cr, member, size);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x + size / 2, y + size / 2, size / 2, 0, 2 * G_PI);

  if (photo != NULL)
    {
      int width = cairo_image_surface_get_width (photo);
      int height = cairo_image_surface_get_height (photo);

      cairo_clip (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, size / width, size / height);
      cairo_set_source_surface (cr, photo, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
    }
  else
    {
      const char *name = raad_member_get_name (member);
      guint32 colour = avatar_colours[g_str_hash (name != NULL ? name : "")
                                      % G_N_ELEMENTS (avatar_colours)];
      g_autofree char *initials = raad_member_dup_initials (member);
      g_autoptr(PangoLayout) layout = NULL;

      raad_draw_set_colour (cr, colour);
      cairo_fill (cr);
      layout = raad_draw_layout (cr, initials, size * 0.34, PANGO_WEIGHT_BOLD, size, 1,
                              PANGO_ALIGN_CENTER);
      place_layout (cr, layout, TRUE, x, y + (size - raad_draw_layout_height (layout)) / 2, 0xffffff);
    }
  cairo_restore (cr);
}

/* Measures (and with @draw, draws) one member card; returns the height it needs. */
static double
layout_card (RaadFacebookDocument *self,
             cairo_t              *cr,
             Card                 *card,
             gboolean              draw,
             double                x,
             double                y,
             double                width,
             double                height)
{
  RaadMember *member = card->member;
  const char *role = raad_member_get_role (member);
  double inner = width - 2 * CARD_PADDING;
  double left = x + CARD_PADDING;
  double cy = y + CARD_PADDING;
  g_autoptr(PangoLayout) name = NULL;

  if (draw)
    {
      cairo_save (cr);
      raad_draw_rounded_rectangle (cr, x + 0.4, y + 0.4, width - 0.8, height - 0.8, CARD_RADIUS);
      raad_draw_set_colour (cr, CARD_FILL);
      cairo_fill_preserve (cr);
      raad_draw_set_colour (cr, CARD_STROKE);
      cairo_set_line_width (cr, 0.8);
      cairo_stroke (cr);
      cairo_restore (cr);
      draw_avatar (self, cr, member, x + (width - AVATAR_SIZE) / 2, cy, AVATAR_SIZE);
    }
  cy += AVATAR_SIZE + 8;

  name = raad_draw_layout (cr, raad_member_get_name (member), 10.5, PANGO_WEIGHT_BOLD, inner, 2,
                        PANGO_ALIGN_CENTER);
  cy += place_layout (cr, name, draw, left, cy, INK) + 1;

  if (role != NULL && *role != '\0')
    {
      g_autoptr(PangoLayout) layout = raad_draw_layout (cr, raad_member_role_label (role), 8.5,
                                                     PANGO_WEIGHT_NORMAL, inner, 1,
                                                     PANGO_ALIGN_CENTER);
      cy += place_layout (cr, layout, draw, left, cy, INK_SOFT);
    }

  if (card->areas != NULL)
    {
      g_autoptr(PangoLayout) layout = raad_draw_layout (cr, card->areas, 7.5, PANGO_WEIGHT_NORMAL,
                                                     inner, 3, PANGO_ALIGN_CENTER);
      cy += 5;
      cy += place_layout (cr, layout, draw, left, cy, INK);
    }

  if (card->linking_pin)
    {
      g_autoptr(PangoLayout) layout = raad_draw_layout (cr, _("Linking pin"), 7, PANGO_WEIGHT_BOLD,
                                                     inner - 12, 1, PANGO_ALIGN_LEFT);
      PangoRectangle ink, logical;
      double pill_width, pill_height;

      pango_layout_get_extents (layout, &ink, &logical);
      pill_width = MIN (inner, (double) logical.width / PANGO_SCALE + 12);
      pill_height = raad_draw_layout_height (layout) + 4;
      cy += 6;
      if (draw)
        {
          double px = x + (width - pill_width) / 2;

          raad_draw_rounded_rectangle (cr, px, cy, pill_width, pill_height, pill_height / 2);
          raad_draw_set_colour (cr, PIN_FILL);
          cairo_fill (cr);
          pango_layout_set_width (layout, (int) ((pill_width - 12) * PANGO_SCALE));
          place_layout (cr, layout, TRUE, px + 6 - (double) logical.x / PANGO_SCALE, cy + 2,
                        PIN_INK);
        }
      cy += pill_height;

      if (card->pin_detail != NULL)
        {
          g_autoptr(PangoLayout) detail = raad_draw_layout (cr, card->pin_detail, 7,
                                                         PANGO_WEIGHT_NORMAL, inner, 2,
                                                         PANGO_ALIGN_CENTER);
          cy += 2;
          cy += place_layout (cr, detail, draw, left, cy, INK_SOFT);
        }
    }

  if (card->term_text != NULL)
    {
      g_autoptr(PangoLayout) layout = raad_draw_layout (cr, card->term_text, 7.5,
                                                     PANGO_WEIGHT_BOLD, inner, 1,
                                                     PANGO_ALIGN_CENTER);
      cy += 5;
      cy += place_layout (cr, layout, draw, left, cy, WARNING_INK);
    }

  return cy + CARD_PADDING - y;
}

static double
layout_section_title (RaadFacebookDocument *self,
                      cairo_t              *cr,
                      Section              *section,
                      gboolean              draw,
                      double                y)
{
  double content = self->width - 2 * self->margin;
  double x = self->margin + 12;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  double height;

  title = raad_draw_layout (cr, council_name (section->council), 15, PANGO_WEIGHT_BOLD,
                         content - 12, 2, PANGO_ALIGN_LEFT);
  subtitle = raad_draw_layout (cr, section->subtitle, 9, PANGO_WEIGHT_NORMAL, content - 12, 1,
                            PANGO_ALIGN_LEFT);
  height = raad_draw_layout_height (title) + 1 + raad_draw_layout_height (subtitle);

  if (draw)
    {
      raad_draw_rounded_rectangle (cr, self->margin, y + 1, 4, height - 2, 2);
      raad_draw_set_colour (cr, raad_council_is_central (section->council) ? ACCENT_CENTRAL
                                                                 : ACCENT_LOCAL);
      cairo_fill (cr);
      place_layout (cr, title, TRUE, x, y, INK);
      place_layout (cr, subtitle, TRUE, x, y + raad_draw_layout_height (title) + 1, INK_SOFT);
    }
  return height;
}

static double
layout_continued (RaadFacebookDocument *self,
                  cairo_t              *cr,
                  Section              *section,
                  gboolean              draw,
                  double                y)
{
  /* TRANSLATORS: a council's name at the top of a page its member cards continue on */
  g_autofree char *text = g_strdup_printf (_("%s (continued)"),
                                           council_name (section->council));
  g_autoptr(PangoLayout) layout = raad_draw_layout (cr, text, 10, PANGO_WEIGHT_BOLD,
                                                 self->width - 2 * self->margin, 1,
                                                 PANGO_ALIGN_LEFT);

  return place_layout (cr, layout, draw, self->margin, y, INK_SOFT);
}

static double
layout_empty (RaadFacebookDocument *self,
              cairo_t              *cr,
              Section              *section,
              gboolean              draw,
              double                y)
{
  const char *text = section->council != NULL ? _("This council has no members yet.")
                                              : _("There are no councils yet.");
  g_autoptr(PangoLayout) layout = raad_draw_layout (cr, text, 9.5, PANGO_WEIGHT_NORMAL,
                                                 self->width - 2 * self->margin, 2,
                                                 PANGO_ALIGN_LEFT);

  return place_layout (cr, layout, draw, self->margin + (section->council ? 12 : 0), y,
                       INK_SOFT);
}

static double
layout_header (RaadFacebookDocument *self,
               cairo_t              *cr,
               gboolean              draw)
{
  double content = self->width - 2 * self->margin;
  g_autoptr(PangoLayout) date = NULL;
  g_autoptr(PangoLayout) name = NULL;
  g_autoptr(PangoLayout) scope = NULL;
  double y = self->margin;
  double date_width;

  date = raad_draw_layout (cr, self->date_text, 9, PANGO_WEIGHT_NORMAL, -1, 0, PANGO_ALIGN_LEFT);
  date_width = raad_draw_layout_width (date);
  name = raad_draw_layout (cr, self->organisation_name, 14, PANGO_WEIGHT_BOLD,
                        content - date_width - 18, 1, PANGO_ALIGN_LEFT);
  scope = raad_draw_layout (cr, self->scope_text, 9, PANGO_WEIGHT_NORMAL, content, 1,
                         PANGO_ALIGN_LEFT);

  if (draw)
    place_layout (cr, date, TRUE, self->width - self->margin - date_width,
                  y + raad_draw_layout_height (name) - raad_draw_layout_height (date) - 1, INK_SOFT);
  y += place_layout (cr, name, draw, self->margin, y, INK);
  y += place_layout (cr, scope, draw, self->margin, y, INK_SOFT) + 6;

  if (draw)
    {
      cairo_save (cr);
      cairo_move_to (cr, self->margin, y + 0.4);
      cairo_line_to (cr, self->width - self->margin, y + 0.4);
      cairo_set_line_width (cr, 0.8);
      raad_draw_set_colour (cr, RULE);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  return y + 0.8 - self->margin;
}

static void
draw_footer (RaadFacebookDocument *self,
             cairo_t              *cr,
             int                   page)
{
  /* TRANSLATORS: the footer of every printed page */
  g_autofree char *text = g_strdup_printf (_("Page %d of %u"), page + 1, self->pages->len);
  g_autoptr(PangoLayout) layout = raad_draw_layout (cr, text, 8, PANGO_WEIGHT_NORMAL,
                                                 self->width - 2 * self->margin, 1,
                                                 PANGO_ALIGN_CENTER);

  place_layout (cr, layout, TRUE, self->margin,
                self->height - self->margin - raad_draw_layout_height (layout), INK_SOFT);
}

/* ------------------------------------------------------------------------------------------ */
/* Reading the store                                                                            */

static GPtrArray *
load_records (RaadStore *store,
              RaadQuery *query)
{
  g_autoptr(RaadRecordList) list = raad_record_list_new (store, query);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  GPtrArray *records = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      RaadRecord *record = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (record != NULL)
        g_ptr_array_add (records, record);
    }
  return records;
}

static const char *
lookup_council_name (RaadFacebookDocument *self,
                     GHashTable           *names,
                     const char           *council_id)
{
  const char *name;

  if (council_id == NULL || *council_id == '\0')
    return NULL;
  if (!g_hash_table_lookup_extended (names, council_id, NULL, (gpointer *) &name))
    {
      g_autoptr(RaadRecord) record = raad_record_load (self->store, council_id, NULL);

      name = NULL;
      if (record != NULL && RAAD_IS_COUNCIL (record) && !raad_record_get_deleted (record))
        name = raad_council_get_name (RAAD_COUNCIL (record));
      g_hash_table_insert (names, g_strdup (council_id), g_strdup (name));
      name = g_hash_table_lookup (names, council_id);
    }
  return name;
}

static char *
format_date (GDateTime *date)
{
  /* TRANSLATORS: a date as in "6 February 2027"; see g_date_time_format() */
  /* xgettext:no-c-format */
  g_autofree char *text = g_date_time_format (date, _("%-e %B %Y"));

  if (text == NULL)
    text = g_date_time_format (date, "%Y-%m-%d");
  return g_strdup (g_strstrip (text));
}

static char *
dup_term_text (RaadFacebookDocument *self,
               RaadMember           *member)
{
  const char *term_end = raad_member_get_term_end (member);
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *date = NULL;
  GDate today;
  int year, month, day;

  if (term_end == NULL || *term_end == '\0')
    return NULL;
  g_date_time_get_ymd (self->date, &year, &month, &day);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, day, month, year);
  if (!raad_member_term_ends_soon (member, &today, TERM_MONTHS))
    return NULL;

  if (sscanf (term_end, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;
  zone = g_time_zone_new_local ();
  end = g_date_time_new (zone, year, month, day, 12, 0, 0);
  if (end == NULL)
    return NULL;
  date = format_date (end);
  /* TRANSLATORS: on a member card when the member's term ends within three months */
  return g_strdup_printf (_("Term ends %s"), date);
}

static Card *
card_new (RaadFacebookDocument *self,
          RaadCouncil          *council,
          RaadMember           *member,
          GHashTable           *council_names)
{
  Card *card = g_new0 (Card, 1);
  const char *section_id = raad_record_get_id (RAAD_RECORD (council));
  const char *home_id = raad_member_get_council_id (member);
  const char * const *areas = raad_member_get_attention_areas (member);
  const char * const *pins = raad_member_get_linking_pins (member);
  g_autoptr(GPtrArray) others = g_ptr_array_new ();

  card->member = g_object_ref (member);
  if (areas != NULL && areas[0] != NULL)
    card->areas = g_strjoinv (" · ", (char **) areas);

  /* A linking pin shown under another council says where it is a member; under its own
   * council it says which other councils it sits in. */
  if (g_strcmp0 (home_id, section_id) != 0)
    {
      const char *home = lookup_council_name (self, council_names, home_id);

      card->linking_pin = TRUE;
      if (home != NULL)
        /* TRANSLATORS: under the "Linking pin" badge; %s is the member's own council */
        card->pin_detail = g_strdup_printf (_("Member of %s"), home);
    }
  else
    {
      for (guint i = 0; pins != NULL && pins[i] != NULL; i++)
        {
          const char *name = lookup_council_name (self, council_names, pins[i]);

          if (name != NULL && !g_str_equal (pins[i], section_id))
            g_ptr_array_add (others, (gpointer) name);
        }
      if (others->len > 0)
        {
          g_autofree char *names = NULL;

          g_ptr_array_add (others, NULL);
          names = g_strjoinv (", ", (char **) others->pdata);
          card->linking_pin = TRUE;
          /* TRANSLATORS: under the "Linking pin" badge; %s are the other councils */
          card->pin_detail = g_strdup_printf (_("Also in %s"), names);
        }
    }

  card->term_text = dup_term_text (self, member);
  return card;
}

static Section *
section_new (RaadFacebookDocument *self,
             RaadCouncil          *council,
             GHashTable           *council_names)
{
  Section *section = g_new0 (Section, 1);
  const char *location = raad_council_get_location (council);
  g_autoptr(RaadQuery) query = raad_query_new ("member");
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GString) subtitle = NULL;

  section->council = g_object_ref (council);
  section->cards = g_ptr_array_new_with_free_func (card_free);

  raad_query_where_equals_or_contains (query, "council_id", "linking_pins",
                                       raad_record_get_id (RAAD_RECORD (council)));
  raad_query_order_by_rank (query, "role", raad_member_roles ());
  raad_query_order_by (query, "name", FALSE);
  members = load_records (self->store, query);
  for (guint i = 0; i < members->len; i++)
    g_ptr_array_add (section->cards,
                     card_new (self, council, g_ptr_array_index (members, i), council_names));

  subtitle = g_string_new (raad_council_is_central (council) ? _("Central client council")
                                                             : _("Local council"));
  if (location != NULL && *location != '\0')
    g_string_append_printf (subtitle, " · %s", location);
  g_string_append (subtitle, " · ");
  g_string_append_printf (subtitle,
                          ngettext ("%u member", "%u members", section->cards->len),
                          section->cards->len);
  section->subtitle = g_string_free (g_steal_pointer (&subtitle), FALSE);
  return section;
}

static void
load_sections (RaadFacebookDocument *self)
{
  g_autoptr(GHashTable) council_names = NULL;
  g_autoptr(GPtrArray) councils = NULL;
  g_autoptr(RaadOrganisation) organisation = NULL;

  council_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  organisation = raad_organisation_load_default (self->store);
  if (organisation != NULL && raad_organisation_get_name (organisation) != NULL
      && *raad_organisation_get_name (organisation) != '\0')
    self->organisation_name = g_strdup (raad_organisation_get_name (organisation));
  else
    self->organisation_name = g_strdup (_("Face-book"));

  if (self->council_id != NULL)
    {
      g_autoptr(RaadRecord) record = raad_record_load (self->store, self->council_id, NULL);

      councils = g_ptr_array_new_with_free_func (g_object_unref);
      if (record != NULL && RAAD_IS_COUNCIL (record) && !raad_record_get_deleted (record))
        g_ptr_array_add (councils, g_steal_pointer (&record));
    }
  else
    {
      static const char * const kinds[] = { RAAD_COUNCIL_CENTRAL, RAAD_COUNCIL_LOCAL, NULL };
      g_autoptr(RaadQuery) query = raad_query_new ("council");

      raad_query_order_by_rank (query, "kind", kinds);
      raad_query_order_by (query, "name", FALSE);
      councils = load_records (self->store, query);
    }

  if (self->council_id != NULL && councils->len > 0)
    /* TRANSLATORS: under the organisation's name: "Face-book · Lokale raad De Linde" */
    self->scope_text = g_strdup_printf (_("Face-book · %s"),
                                        council_name (g_ptr_array_index (councils, 0)));
  else
    self->scope_text = g_strdup (_("Face-book · All councils"));

  self->sections = g_ptr_array_new_with_free_func (section_free);
  for (guint i = 0; i < councils->len; i++)
    g_ptr_array_add (self->sections,
                     section_new (self, g_ptr_array_index (councils, i), council_names));
}

/* ------------------------------------------------------------------------------------------ */
/* Pagination                                                                                   */

static GArray *
new_page (RaadFacebookDocument *self)
{
  GArray *page = g_array_new (FALSE, TRUE, sizeof (Item));

  g_ptr_array_add (self->pages, page);
  return page;
}

static void
add_item (GArray   *page,
          ItemKind  kind,
          Section  *section,
          guint     first,
          guint     n,
          double    y,
          double    height)
{
  Item item = { kind, section, first, n, y, height };

  g_array_append_val (page, item);
}

static void
place_sections (RaadFacebookDocument *self,
                cairo_t              *cr,
                double                top,
                double                bottom)
{
  GArray *page = new_page (self);
  double y = top;

  if (self->sections->len == 0)
    {
      Section empty = { NULL, NULL, NULL };

      /* The notice needs no section to point to, only its text. */
      layout_empty (self, cr, &empty, FALSE, y);
      add_item (page, ITEM_EMPTY, NULL, 0, 0, y, 0);
      return;
    }

  for (guint s = 0; s < self->sections->len; s++)
    {
      Section *section = g_ptr_array_index (self->sections, s);
      g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (double));
      double title_height = layout_section_title (self, cr, section, FALSE, 0);
      double first_height;

      /* Rows of cards; a row is as tall as its tallest card. */
      for (guint i = 0; i < section->cards->len; i += self->columns)
        {
          double row = 0;

          for (guint j = i; j < MIN (i + self->columns, section->cards->len); j++)
            {
              Card *card = g_ptr_array_index (section->cards, j);

              card->height = layout_card (self, cr, card, FALSE, 0, 0, self->card_width, 0);
              row = MAX (row, card->height);
            }
          g_array_append_val (rows, row);
        }
      first_height = rows->len > 0 ? g_array_index (rows, double, 0)
                                   : layout_empty (self, cr, section, FALSE, 0);

      /* The title goes where its first row fits under it too, else on a new page. */
      if (y > top)
        {
          if (y + SECTION_GAP + title_height + TITLE_GAP + first_height > bottom)
            {
              page = new_page (self);
              y = top;
            }
          else
            y += SECTION_GAP;
        }
      add_item (page, ITEM_TITLE, section, 0, 0, y, title_height);
      y += title_height + TITLE_GAP;

      if (rows->len == 0)
        {
          add_item (page, ITEM_EMPTY, section, 0, 0, y, first_height);
          y += first_height;
          continue;
        }

      for (guint r = 0; r < rows->len; r++)
        {
          double row = g_array_index (rows, double, r);
          guint first = r * self->columns;
          guint n = MIN (self->columns, section->cards->len - first);

          if (r > 0)
            y += ROW_GAP;
          if (y + row > bottom && y > top)
            {
              double continued;

              page = new_page (self);
              y = top;
              continued = layout_continued (self, cr, section, FALSE, y);
              add_item (page, ITEM_CONTINUED, section, 0, 0, y, continued);
              y += continued + TITLE_GAP;
            }
          add_item (page, ITEM_ROW, section, first, n, y, row);
          y += row;
        }
    }
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                      */

static void
raad_facebook_document_finalize (GObject *object)
{
  RaadFacebookDocument *self = RAAD_FACEBOOK_DOCUMENT (object);

  clear_layout (self);
  g_clear_pointer (&self->photos, g_hash_table_unref);
  g_clear_pointer (&self->council_id, g_free);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (raad_facebook_document_parent_class)->finalize (object);
}

static void
raad_facebook_document_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RaadFacebookDocument *self = RAAD_FACEBOOK_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_COUNCIL_ID:
      g_value_set_string (value, self->council_id);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;
    case PROP_MARGIN:
      g_value_set_double (value, self->margin);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_facebook_document_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RaadFacebookDocument *self = RAAD_FACEBOOK_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_COUNCIL_ID:
      self->council_id = g_value_dup_string (value);
      break;
    case PROP_DATE:
      raad_facebook_document_set_date (self, g_value_get_boxed (value));
      break;
    case PROP_MARGIN:
      raad_facebook_document_set_margin (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_facebook_document_class_init (RaadFacebookDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = raad_facebook_document_finalize;
  object_class->get_property = raad_facebook_document_get_property;
  object_class->set_property = raad_facebook_document_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAAD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNCIL_ID] =
    g_param_spec_string ("council-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MARGIN] =
    g_param_spec_double ("margin", NULL, NULL, 0, 144, DEFAULT_MARGIN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
raad_facebook_document_init (RaadFacebookDocument *self)
{
  self->margin = DEFAULT_MARGIN;
  self->date = g_date_time_new_now_local ();
  self->photos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) cairo_surface_destroy);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                   */

RaadFacebookDocument *
raad_facebook_document_new (RaadStore  *store,
                            const char *council_id)
{
  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);

  return g_object_new (RAAD_TYPE_FACEBOOK_DOCUMENT,
                       "store", store,
                       "council-id", council_id,
                       NULL);
}

RaadStore *
raad_facebook_document_get_store (RaadFacebookDocument *self)
{
  g_return_val_if_fail (RAAD_IS_FACEBOOK_DOCUMENT (self), NULL);

  return self->store;
}

const char *
raad_facebook_document_get_council_id (RaadFacebookDocument *self)
{
  g_return_val_if_fail (RAAD_IS_FACEBOOK_DOCUMENT (self), NULL);

  return self->council_id;
}

void
raad_facebook_document_set_date (RaadFacebookDocument *self,
                                 GDateTime            *date)
{
  g_return_if_fail (RAAD_IS_FACEBOOK_DOCUMENT (self));

  if (date != NULL && self->date != NULL && g_date_time_equal (date, self->date))
    return;
  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = date != NULL ? g_date_time_ref (date) : g_date_time_new_now_local ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

GDateTime *
raad_facebook_document_get_date (RaadFacebookDocument *self)
{
  g_return_val_if_fail (RAAD_IS_FACEBOOK_DOCUMENT (self), NULL);

  return self->date;
}

void
raad_facebook_document_set_margin (RaadFacebookDocument *self,
                                   double                margin)
{
  g_return_if_fail (RAAD_IS_FACEBOOK_DOCUMENT (self));

  margin = CLAMP (margin, 0, 144);
  if (margin == self->margin)
    return;
  self->margin = margin;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARGIN]);
}

double
raad_facebook_document_get_margin (RaadFacebookDocument *self)
{
  g_return_val_if_fail (RAAD_IS_FACEBOOK_DOCUMENT (self), 0);

  return self->margin;
}

int
raad_facebook_document_paginate (RaadFacebookDocument *self,
                                 cairo_t              *cr,
                                 double                width,
                                 double                height)
{
  double content;
  double top, bottom;

  g_return_val_if_fail (RAAD_IS_FACEBOOK_DOCUMENT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  clear_layout (self);
  self->width = width;
  self->height = height;
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  content = width - 2 * self->margin;
  self->columns = CLAMP ((guint) ((content + COLUMN_GAP) / (MIN_CARD_WIDTH + COLUMN_GAP)),
                         1, COLUMNS);
  self->card_width = (content - (self->columns - 1) * COLUMN_GAP) / self->columns;

  self->date_text = format_date (self->date);
  load_sections (self);

  top = self->margin + layout_header (self, cr, FALSE) + HEADER_GAP;
  bottom = height - self->margin - FOOTER_HEIGHT;
  place_sections (self, cr, top, bottom);

  return self->pages->len;
}

int
raad_facebook_document_get_n_pages (RaadFacebookDocument *self)
{
  g_return_val_if_fail (RAAD_IS_FACEBOOK_DOCUMENT (self), 0);

  return self->pages != NULL ? (int) self->pages->len : 0;
}

void
raad_facebook_document_draw_page (RaadFacebookDocument *self,
                                  cairo_t              *cr,
                                  int                   page)
{
  GArray *items;

  g_return_if_fail (RAAD_IS_FACEBOOK_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->pages != NULL);
  g_return_if_fail (page >= 0 && (guint) page < self->pages->len);

  items = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  layout_header (self, cr, TRUE);

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      switch (item->kind)
        {
        case ITEM_TITLE:
          layout_section_title (self, cr, item->section, TRUE, item->y);
          break;
        case ITEM_CONTINUED:
          layout_continued (self, cr, item->section, TRUE, item->y);
          break;
        case ITEM_EMPTY:
          {
            Section empty = { NULL, NULL, NULL };
            layout_empty (self, cr, item->section != NULL ? item->section : &empty, TRUE,
                          item->y);
          }
          break;
        case ITEM_ROW:
          for (guint j = 0; j < item->n; j++)
            {
              Card *card = g_ptr_array_index (item->section->cards, item->first + j);
              double x = self->margin + j * (self->card_width + COLUMN_GAP);

              layout_card (self, cr, card, TRUE, x, item->y, self->card_width, item->height);
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  draw_footer (self, cr, page);
  cairo_restore (cr);
}

static char *
pdf_title (gpointer document)
{
  RaadFacebookDocument *self = document;

  /* TRANSLATORS: the PDF's title: "Face-book — Zorggroep De Hoven" */
  return g_strdup_printf (_("Face-book — %s"), self->organisation_name);
}

gboolean
raad_facebook_document_export_pdf (RaadFacebookDocument  *self,
                                   const char            *path,
                                   GError               **error)
{
  g_return_val_if_fail (RAAD_IS_FACEBOOK_DOCUMENT (self), FALSE);

  return raad_pdf_export (self, (RaadPdfPaginate) raad_facebook_document_paginate,
                          (RaadPdfDrawPage) raad_facebook_document_draw_page, pdf_title,
                          RAAD_FACEBOOK_PAGE_WIDTH, RAAD_FACEBOOK_PAGE_HEIGHT, path, error);
}
