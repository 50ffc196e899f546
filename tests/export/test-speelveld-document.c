/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-speelveld-document.c: the playing field as PNG, SVG and PDF, read back with real readers */
#define G_LOG_DOMAIN "raad-test"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <math.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>
#include <poppler.h>

#include "raad-council.h"
#include "raad-demo.h"
#include "raad-speelveld.h"
#include "raad-speelveld-document.h"
#include "raad-speelveld-document-private.h"
#include "raad-test-util.h"

/* poppler-glib 22.12 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
/* librsvg 2.54 declares none either. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsvgHandle, g_object_unref)

#define CCR_ID    "council-ccr"
#define CCR_NAME  "Centrale Cliëntenraad"
#define TODAY     "2027-03-01"

/* The example's playing field of the CCR, and who is overdue on TODAY (see the demo's
 * "today-N" contact dates and the parties' rhythms). */
static const char * const ccr_parties[] = {
  "Raad van bestuur", "Raad van toezicht", "Ondernemingsraad", "Managers en teams",
  "Cliënten", "Familie en naasten", "Zorgkantoor", "Inspectie Gezondheidszorg en Jeugd",
  "Gemeente (Wmo)", "Ambtelijk secretaris", "Lokale cliëntenraad De Linde",
  "Landelijk steunpunt medezeggenschap",
};
static const char * const overdue_parties[] = {
  "Raad van toezicht", "Managers en teams", "Zorgkantoor", "Gemeente (Wmo)", NULL,
};
#define N_OVERDUE (G_N_ELEMENTS (overdue_parties) - 1)
#define NEVER_SPOKEN "Landelijk steunpunt medezeggenschap"

typedef struct
{
  RaadStore *store;
  char      *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = raad_demo_find_path ();
  g_autoptr(GDate) today = g_date_new_dmy (1, 3, 2027);

  fixture->store = raad_test_store_new ();
  fixture->dir = raad_test_make_tmpdir ();
  g_assert_nonnull (path);
  g_assert_true (raad_demo_load_at (fixture->store, path, today, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  raad_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_assert_finalize_object (fixture->store);
}

static RaadSpeelveldDocument *
new_document (Fixture  *fixture,
              gboolean  grid)
{
  RaadSpeelveldDocument *document = raad_speelveld_document_new (fixture->store, CCR_ID, grid);

  raad_speelveld_document_set_today (document, TODAY);
  return document;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (listing);
  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

/* The isolated XDG_DATA_DIRS hold no MIME database, which gdk_pixbuf_new_from_file() needs
 * to pick a loader: ask for the PNG loader by name instead (the file must still be a PNG). */
static GdkPixbuf *
read_png (const char *path)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  loader = gdk_pixbuf_loader_new_with_type ("png", &error);
  g_assert_no_error (error);
  g_assert_true (gdk_pixbuf_loader_write (loader, (const guchar *) contents, length, &error));
  g_assert_no_error (error);
  g_assert_true (gdk_pixbuf_loader_close (loader, &error));
  g_assert_no_error (error);
  return g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
}

/* Pixels */

typedef struct
{
  guint8 r, g, b;
} Rgb;

static Rgb
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  guint32 value;

  cairo_surface_flush (surface);
  value = *(guint32 *) (cairo_image_surface_get_data (surface)
                        + y * cairo_image_surface_get_stride (surface) + 4 * x);
  return (Rgb) { (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff };
}

/* The share of pixels that are not (nearly) white. */
static double
ink_share (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint64 inked = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        Rgb p = pixel_at (surface, x, y);

        if (p.r + p.g + p.b < 3 * 235)
          inked++;
      }
  return (double) inked / ((double) width * height);
}

static void
test_link_styles (void)
{
  const struct
  {
    const char *relation;
  } cases[] = {
    { "good" },
    { "neutral" },
    { "strained" },
    { NULL },
  };
  Rgb seen[G_N_ELEMENTS (cases)];
  int widths[G_N_ELEMENTS (cases)];

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 60);
      cairo_t *cr = cairo_create (surface);
      int inked_columns = 0;
      int thickness = 0;
      Rgb darkest = { 255, 255, 255 };
      gboolean pill_light = TRUE;
      int text_pixels = 0;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      raad_speelveld_draw_link (cr, 10, 30, 390, 30, cases[i].relation, "Advice");
      /* The state is kept: a later fill is not dashed or coloured by the link. */
      cairo_destroy (cr);

      /* Along the line, away from the label in the middle. */
      for (int x = 10; x < 120; x++)
        {
          Rgb p = pixel_at (surface, x, 30);

          if (p.r + p.g + p.b < 3 * 230)
            {
              inked_columns++;
              if (p.r + p.g + p.b < darkest.r + darkest.g + darkest.b)
                darkest = p;
            }
        }
      /* The thickest column (dots and dashes have gaps). */
      for (int x = 10; x < 120; x++)
        {
          int column = 0;

          for (int y = 20; y < 40; y++)
            {
              Rgb p = pixel_at (surface, x, y);

              if (p.r + p.g + p.b < 3 * 230)
                column++;
            }
          thickness = MAX (thickness, column);
        }
      /* The label: a light pill over the line with dark text in it. */
      for (int y = 26; y <= 34; y++)
        for (int x = 185; x <= 215; x++)
          {
            Rgb p = pixel_at (surface, x, y);

            if (p.r + p.g + p.b < 3 * 150)
              text_pixels++;
          }
      for (int x = 190; x < 210; x++)
        {
          Rgb p = pixel_at (surface, x, 30);

          /* Where there is no text the pill hides the line: no line colour at all. */
          if (p.g > 140 && p.r < 100)
            pill_light = FALSE;
        }

      seen[i] = darkest;
      widths[i] = thickness;
      g_test_message ("%s: %d of 110 px inked, %d px thick, rgb %u,%u,%u, %d text px",
                      cases[i].relation ? cases[i].relation : "(none)", inked_columns,
                      thickness, darkest.r, darkest.g, darkest.b, text_pixels);
      g_assert_cmpint (text_pixels, >, 5);
      g_assert_true (pill_light);

      if (g_strcmp0 (cases[i].relation, "good") == 0)
        {
          g_assert_cmpint (inked_columns, ==, 110);              /* solid */
          g_assert_cmpint (darkest.g, >, darkest.r + 40);       /* green */
        }
      else if (g_strcmp0 (cases[i].relation, "neutral") == 0)
        {
          g_assert_cmpint (inked_columns, >, 40);                /* dashed */
          g_assert_cmpint (inked_columns, <, 100);
          g_assert_cmpint (abs (darkest.r - darkest.b), <, 20); /* grey */
        }
      else if (g_strcmp0 (cases[i].relation, "strained") == 0)
        {
          g_assert_cmpint (inked_columns, >, 20);                /* dotted */
          g_assert_cmpint (inked_columns, <, 90);
          g_assert_cmpint (darkest.r, >, darkest.g + 80);       /* orange-red */
        }
      else
        g_assert_cmpint (inked_columns, ==, 110);                /* thin solid grey */
      cairo_surface_destroy (surface);
    }
  /* Strained is the thickest line, unknown the thinnest. */
  g_assert_cmpint (widths[2], >, widths[0]);
  g_assert_cmpint (widths[3], <=, widths[1]);
  g_assert_cmpint (seen[0].g, !=, seen[2].g);
}

/* A screen draws links through a cache (dashes filled as shapes, pills painted as images):
 * it must look like the vector drawing, the pills in the same place, at scale 1 and 2, on a
 * slanted line, and the second time (from the cache) as the first. */
static cairo_surface_t *
draw_links (RaadSpeelveldLinkCache *cache,
            const char             *relation,
            int                     scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400 * scale, 160 * scale);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  /* As the map draws them: scaled from paper points. */
  cairo_scale (cr, 1.4, 1.4);
  raad_speelveld_draw_link_cached (cr, cache, 8, 20, 280, 20, relation, "Consultation");
  raad_speelveld_draw_link_cached (cr, cache, 8, 100, 270, 40, relation, "Advice");
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_link_cache (void)
{
  const char *relations[] = { "good", "neutral", "strained", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (relations); i++)
    for (int scale = 1; scale <= 2; scale++)
      {
        g_autoptr(RaadSpeelveldLinkCache) cache = raad_speelveld_link_cache_new ();
        cairo_surface_t *vector = draw_links (NULL, relations[i], scale);
        cairo_surface_t *first = draw_links (cache, relations[i], scale);
        cairo_surface_t *again = draw_links (cache, relations[i], scale);
        int width = cairo_image_surface_get_width (vector);
        int height = cairo_image_surface_get_height (vector);
        guint inked = 0, differ = 0, changed = 0;
        double share_vector = ink_share (vector), share_cached = ink_share (first);

        for (int y = 0; y < height; y++)
          for (int x = 0; x < width; x++)
            {
              Rgb a = pixel_at (vector, x, y), b = pixel_at (first, x, y), c = pixel_at (again, x, y);

              if (a.r + a.g + a.b < 3 * 235)
                inked++;
              if (abs (a.r - b.r) > 96 || abs (a.g - b.g) > 96 || abs (a.b - b.b) > 96)
                differ++;
              if (b.r != c.r || b.g != c.g || b.b != c.b)
                changed++;
            }
        g_test_message ("%s at scale %d: %u px inked, %u differ much from the vector drawing, "
                        "ink %.4f vs %.4f", relations[i] ? relations[i] : "(none)", scale,
                        inked, differ, share_vector, share_cached);
        g_assert_cmpuint (inked, >, 500 * scale * scale);
        /* The edges of dashes and dots may move by a fraction of a pixel, no more. */
        g_assert_cmpuint (differ, <, inked / 8);
        g_assert_cmpfloat (fabs (share_cached - share_vector), <, share_vector * 0.15);
        /* Drawn from the cache, exactly as the first time. */
        g_assert_cmpuint (changed, ==, 0);
        cairo_surface_destroy (vector);
        cairo_surface_destroy (first);
        cairo_surface_destroy (again);
      }
}

/* Layout */

static gboolean
boxes_overlap (const RaadSpeelveldBox *a,
               const RaadSpeelveldBox *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
assert_no_overlap (Fixture  *fixture,
                   gboolean  grid)
{
  g_autoptr(RaadSpeelveldDocument) document = new_document (fixture, grid);
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR, NULL);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GArray) boxes = NULL;
  RaadSpeelveldBox field;

  raad_speelveld_document_draw (document, cr, RAAD_SPEELVELD_PAGE_WIDTH,
                                RAAD_SPEELVELD_PAGE_HEIGHT);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  boxes = _raad_speelveld_document_get_boxes (document, &field);
  g_assert_cmpuint (boxes->len, ==, G_N_ELEMENTS (ccr_parties));
  for (guint i = 0; i < boxes->len; i++)
    {
      RaadSpeelveldBox *a = &g_array_index (boxes, RaadSpeelveldBox, i);

      g_assert_cmpfloat (a->width, >=, 70);
      g_assert_cmpfloat (a->x, >=, field.x - 0.01);
      g_assert_cmpfloat (a->y, >=, field.y - 0.01);
      g_assert_cmpfloat (a->x + a->width, <=, field.x + field.width + 0.01);
      g_assert_cmpfloat (a->y + a->height, <=, field.y + field.height + 0.01);
      for (guint j = i + 1; j < boxes->len; j++)
        {
          RaadSpeelveldBox *b = &g_array_index (boxes, RaadSpeelveldBox, j);

          if (boxes_overlap (a, b))
            g_error ("%s: party %u (%.0f,%.0f %.0f×%.0f) overlaps party %u (%.0f,%.0f %.0f×%.0f)",
                     grid ? "grid" : "map", i, a->x, a->y, a->width, a->height,
                     j, b->x, b->y, b->width, b->height);
        }
    }
}

static void
test_layout_no_overlap (Fixture       *fixture,
                        gconstpointer  data)
{
  assert_no_overlap (fixture, FALSE);
  assert_no_overlap (fixture, TRUE);
}

/* PNG */

static void
test_png (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(RaadSpeelveldDocument) map = new_document (fixture, FALSE);
  g_autoptr(RaadSpeelveldDocument) grid = new_document (fixture, TRUE);
  g_autofree char *path = g_build_filename (fixture->dir, "Speelveld CCR.png", NULL);
  g_autofree char *small = g_build_filename (fixture->dir, "Speelveld klein.png", NULL);
  g_autofree char *grid_path = g_build_filename (fixture->dir, "Matrix CCR.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) small_pixbuf = NULL;
  g_autoptr(GdkPixbuf) grid_pixbuf = NULL;
  cairo_surface_t *surface;
  double share;

  g_assert_true (raad_speelveld_document_export_png (map, path, 1.0, &error));
  g_assert_no_error (error);
  g_assert_true (raad_speelveld_document_export_png (map, small, 0.5, &error));
  g_assert_no_error (error);
  g_assert_true (raad_speelveld_document_export_png (grid, grid_path, 1.0, &error));
  g_assert_no_error (error);
  /* Only the three files: no temporary file is left beside them. */
  g_assert_cmpuint (count_files (fixture->dir), ==, 3);

  pixbuf = read_png (path);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, RAAD_SPEELVELD_PNG_WIDTH);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, RAAD_SPEELVELD_PNG_HEIGHT);
  small_pixbuf = read_png (small);
  g_assert_cmpint (gdk_pixbuf_get_width (small_pixbuf), ==, RAAD_SPEELVELD_PNG_WIDTH / 2);
  g_assert_cmpint (gdk_pixbuf_get_height (small_pixbuf), ==, RAAD_SPEELVELD_PNG_HEIGHT / 2);
  grid_pixbuf = read_png (grid_path);
  g_assert_cmpint (gdk_pixbuf_get_width (grid_pixbuf), ==, RAAD_SPEELVELD_PNG_WIDTH);

  /* Not blank: a fair share of ink (boxes, lines, text), yet mostly paper. */
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  share = ink_share (surface);
  g_test_message ("map PNG: %.1f %% ink", 100 * share);
  g_assert_cmpfloat (share, >, 0.05);
  g_assert_cmpfloat (share, <, 0.7);
  /* The council in the middle is drawn in its blue. */
  {
    Rgb middle = pixel_at (surface, RAAD_SPEELVELD_PNG_WIDTH / 2 - 100,
                           RAAD_SPEELVELD_PNG_HEIGHT / 2 + 20);

    g_test_message ("middle: %u,%u,%u", middle.r, middle.g, middle.b);
    g_assert_cmpint (middle.b, >, middle.r + 100);
  }
  cairo_surface_destroy (surface);

  surface = cairo_image_surface_create_from_png (grid_path);
  share = ink_share (surface);
  g_test_message ("grid PNG: %.1f %% ink", 100 * share);
  g_assert_cmpfloat (share, >, 0.05);
  /* The quadrants are tinted: "Manage closely" (top right) blue, "Keep satisfied" (top left)
   * warm. */
  {
    Rgb manage = pixel_at (surface, RAAD_SPEELVELD_PNG_WIDTH - 60, 250);
    Rgb satisfy = pixel_at (surface, 150, 250);

    g_test_message ("manage closely %u,%u,%u; keep satisfied %u,%u,%u", manage.r, manage.g,
                    manage.b, satisfy.r, satisfy.g, satisfy.b);
    g_assert_cmpint (manage.b, >, manage.r + 15);
    g_assert_cmpint (satisfy.r, >, satisfy.b + 15);
  }
  cairo_surface_destroy (surface);
}

/* SVG */

static void
test_svg (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(RaadSpeelveldDocument) map = new_document (fixture, FALSE);
  g_autofree char *path = g_build_filename (fixture->dir, "Speelveld CCR.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsvgHandle) handle = NULL;
  g_autofree char *contents = NULL;
  gboolean has_width, has_height, has_viewbox;
  RsvgLength width, height;
  RsvgRectangle viewbox;
  RsvgRectangle viewport = { 0, 0, 1191, 842 };
  cairo_surface_t *from_svg;
  cairo_surface_t *direct;
  cairo_t *cr;
  double difference = 0;
  double share;

  g_assert_true (raad_speelveld_document_export_svg (map, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);

  /* It parses, and says it is A4 landscape. */
  handle = rsvg_handle_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (handle);
  rsvg_handle_get_intrinsic_dimensions (handle, &has_width, &width, &has_height, &height,
                                        &has_viewbox, &viewbox);
  g_test_message ("SVG: %.2f × %.2f (unit %d)", width.length, height.length, width.unit);
  g_assert_true (has_width);
  g_assert_true (has_height);
  g_assert_cmpint (width.unit, ==, RSVG_UNIT_PT);
  g_assert_cmpint (height.unit, ==, RSVG_UNIT_PT);
  g_assert_cmpfloat_with_epsilon (width.length, RAAD_SPEELVELD_PAGE_WIDTH, 0.5);
  g_assert_cmpfloat_with_epsilon (height.length, RAAD_SPEELVELD_PAGE_HEIGHT, 0.5);

  /* cairo writes text as glyph outlines, not <text>: the names are not in the file as text,
   * so render it with librsvg and compare with the same document drawn directly. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_test_message ("SVG text elements: %s", strstr (contents, "<text") ? "yes" : "no");

  from_svg = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1191, 842);
  cr = cairo_create (from_svg);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  g_assert_true (rsvg_handle_render_document (handle, cr, &viewport, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);

  direct = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1191, 842);
  cr = cairo_create (direct);
  raad_speelveld_document_draw (map, cr, 1191, 842);
  cairo_destroy (cr);

  share = ink_share (from_svg);
  for (int y = 0; y < 842; y += 2)
    for (int x = 0; x < 1191; x += 2)
      {
        Rgb a = pixel_at (from_svg, x, y);
        Rgb b = pixel_at (direct, x, y);

        difference += (abs (a.r - b.r) + abs (a.g - b.g) + abs (a.b - b.b)) / (3 * 255.0);
      }
  difference /= (1191 / 2) * (842 / 2);
  g_test_message ("SVG rendered: %.1f %% ink, mean difference from direct drawing %.4f",
                  100 * share, difference);
  g_assert_cmpfloat (share, >, 0.05);
  g_assert_cmpfloat (difference, <, 0.02);
  cairo_surface_destroy (from_svg);
  cairo_surface_destroy (direct);
}

/* PDF */

static char *
page_text (PopplerDocument *pdf,
           int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, index);
  g_autofree char *text = poppler_page_get_text (page);
  g_autoptr(GString) flat = g_string_new (NULL);

  /* Wrapped names: lines joined with spaces, runs of spaces as one. */
  for (const char *p = text; *p != '\0'; p++)
    {
      char c = (*p == '\n' || *p == '\r') ? ' ' : *p;

      if (c == ' ' && flat->len > 0 && flat->str[flat->len - 1] == ' ')
        continue;
      g_string_append_c (flat, c);
    }
  return g_string_free (g_steal_pointer (&flat), FALSE);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *pdf = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  return pdf;
}

static GList *
find_text (PopplerPage *page,
           const char  *text)
{
  return poppler_page_find_text_with_options (page, text,
                                              POPPLER_FIND_CASE_SENSITIVE
                                              | POPPLER_FIND_MULTILINE);
}

static void
free_rectangles (GList *rectangles)
{
  g_list_free_full (rectangles, (GDestroyNotify) poppler_rectangle_free);
}

/* The rectangles of a party's name, its first line first. */
static GList *
find_name (PopplerPage *page,
           const char  *party)
{
  GList *names = find_text (page, party);
  GList *top;

  /* poppler finds text over one line break, not two: a name on three lines is found by its
   * first word (unique in the example where that happens). */
  if (names == NULL)
    {
      g_auto(GStrv) words = g_strsplit (party, " ", 2);

      names = find_text (page, words[0]);
    }
  if (names == NULL)
    g_error ("“%s” not found on the page", party);

  /* A wrapped name gives a rectangle per line: the first line is the highest (poppler's y
   * grows upwards). */
  top = names;
  for (GList *l = names->next; l != NULL; l = l->next)
    if (((PopplerRectangle *) l->data)->y1 > ((PopplerRectangle *) top->data)->y1)
      top = l;
  names = g_list_remove_link (names, top);
  return g_list_concat (top, names);
}

/* Whether a @mark sits in the box of @party: left-aligned with its name, just below it. */
static gboolean
has_mark (PopplerPage *page,
          const char  *party,
          const char  *mark)
{
  GList *names = find_name (page, party);
  GList *marks = find_text (page, mark);
  gboolean found = FALSE;
  PopplerRectangle *name = names->data;

  /* The mark is inset by half its text size within the badge. */
  for (GList *m = marks; m != NULL; m = m->next)
    {
      PopplerRectangle *r = m->data;

      if (fabs (r->x1 - name->x1) < 5 && r->y1 < name->y1 && name->y1 - r->y1 < 80)
        found = TRUE;
    }
  free_rectangles (names);
  free_rectangles (marks);
  return found;
}

static guint
count_text (PopplerPage *page,
            const char  *text)
{
  GList *found = find_text (page, text);
  guint n = g_list_length (found);

  free_rectangles (found);
  return n;
}

static void
test_pdf_map (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RaadSpeelveldDocument) map = new_document (fixture, FALSE);
  g_autofree char *path = g_build_filename (fixture->dir, "Speelveld CCR.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  g_autofree char *list = NULL;
  g_autofree char *title = NULL;
  double width, height;

  g_assert_true (raad_speelveld_document_export_pdf (map, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);

  pdf = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2);
  title = poppler_document_get_title (pdf);
  g_assert_cmpstr (title, ==, "Playing field — " CCR_NAME);
  page = poppler_document_get_page (pdf, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, RAAD_SPEELVELD_PAGE_WIDTH, 0.5);
  g_assert_cmpfloat_with_epsilon (height, RAAD_SPEELVELD_PAGE_HEIGHT, 0.5);

  text = page_text (pdf, 0);
  g_test_message ("page 1: %s", text);
  g_assert_nonnull (strstr (text, "Playing field: " CCR_NAME));
  g_assert_nonnull (strstr (text, "Zorggroep De Waterlinie"));
  g_assert_nonnull (strstr (text, "1 March 2027"));
  g_assert_nonnull (strstr (text, "Map"));
  for (guint i = 0; i < G_N_ELEMENTS (ccr_parties); i++)
    if (strstr (text, ccr_parties[i]) == NULL)
      g_error ("“%s” is not on the map", ccr_parties[i]);
  /* Categories and contact persons in the boxes. */
  g_assert_nonnull (strstr (text, "Supervisory board"));
  g_assert_nonnull (strstr (text, "Johanna Verbeek-Slot"));
  g_assert_nonnull (strstr (text, "Petra Hoekstra"));

  /* The rights on the lines: consent (director), information (supervisory board, De Linde),
   * each also once in the legend; the nine others have no formal right: no label (as on the
   * screen), and the list says so. */
  g_assert_cmpuint (count_text (page, "Consent"), ==, 1 + 1);
  g_assert_cmpuint (count_text (page, "Information"), ==, 2 + 1);
  g_assert_cmpuint (count_text (page, "No formal right"), ==, 0);
  g_assert_nonnull (strstr (text, "Good"));
  g_assert_nonnull (strstr (text, "Strained"));

  /* Overdue marks: in the boxes of exactly the overdue parties, and once in the legend. */
  g_assert_cmpuint (count_text (page, "Overdue"), ==, N_OVERDUE + 1);
  g_assert_cmpuint (count_text (page, "Never spoken to"), ==, 1 + 1);
  for (guint i = 0; i < G_N_ELEMENTS (ccr_parties); i++)
    {
      gboolean overdue = g_strv_contains ((const char * const *) overdue_parties,
                                          ccr_parties[i]);

      if (has_mark (page, ccr_parties[i], "Overdue") != overdue)
        g_error ("“%s” should %shave the Overdue mark", ccr_parties[i], overdue ? "" : "not ");
      if (has_mark (page, ccr_parties[i], "Never spoken to")
          != (g_strcmp0 (ccr_parties[i], NEVER_SPOKEN) == 0))
        g_error ("“%s”: Never spoken to mark wrong", ccr_parties[i]);
    }

  /* The second page lists the parties with relation, right, last contact and due. */
  list = page_text (pdf, 1);
  g_test_message ("page 2: %s", list);
  g_assert_nonnull (strstr (list, "Parties of " CCR_NAME));
  g_assert_nonnull (strstr (list, "Last contact"));
  g_assert_nonnull (strstr (list, "Next talk due"));
  for (guint i = 0; i < G_N_ELEMENTS (ccr_parties); i++)
    g_assert_nonnull (strstr (list, ccr_parties[i]));
  /* The director: last spoken to 20 days before TODAY, monthly: due 9 March 2027. */
  g_assert_nonnull (strstr (list, "9 February 2027"));
  g_assert_nonnull (strstr (list, "9 March 2027"));
  g_assert_nonnull (strstr (list, "Every month"));
  g_assert_nonnull (strstr (list, "No formal right"));
  g_assert_nonnull (strstr (list, "Never"));
  g_assert_nonnull (strstr (list, "Page 2 of 2"));
}

static void
test_pdf_grid (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(RaadSpeelveldDocument) grid = new_document (fixture, TRUE);
  g_autofree char *path = g_build_filename (fixture->dir, "Matrix CCR.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  const struct
  {
    const char *party;
    const char *quadrant;
  } places[] = {
    { "Raad van bestuur", "Manage closely" },
    { "Zorgkantoor", "Keep satisfied" },
    { "Familie en naasten", "Keep informed" },
    { "Landelijk steunpunt medezeggenschap", "Keep informed" },
    { "Inspectie Gezondheidszorg en Jeugd", "Keep satisfied" },
  };

  g_assert_true (raad_speelveld_document_export_pdf (grid, path, &error));
  g_assert_no_error (error);
  pdf = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2);
  page = poppler_document_get_page (pdf, 0);
  text = page_text (pdf, 0);
  g_test_message ("grid: %s", text);

  g_assert_nonnull (strstr (text, "Power/interest grid"));
  g_assert_nonnull (strstr (text, "Interest"));
  g_assert_nonnull (strstr (text, "Influence"));
  for (int q = RAAD_QUADRANT_MONITOR; q <= RAAD_QUADRANT_MANAGE_CLOSELY; q++)
    g_assert_cmpuint (count_text (page, raad_speelveld_quadrant_title (q)), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (ccr_parties); i++)
    g_assert_nonnull (strstr (text, ccr_parties[i]));
  g_assert_cmpuint (count_text (page, "Overdue"), ==, N_OVERDUE + 1);
  for (guint i = 0; i < N_OVERDUE; i++)
    g_assert_true (has_mark (page, overdue_parties[i], "Overdue"));

  /* Each party in its quadrant: the same side of the dividing lines as the quadrant's title
   * (titles sit at the top left of their quadrant). */
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      GList *names = find_name (page, places[i].party);
      GList *titles = find_text (page, places[i].quadrant);
      GList *manage = find_text (page, "Manage closely");
      GList *monitor = find_text (page, "Monitor");
      PopplerRectangle *name = names->data;
      PopplerRectangle *title = titles->data;
      /* The dividing lines: the left edge of "Manage closely", the top of "Monitor". */
      double split_x = ((PopplerRectangle *) manage->data)->x1 - 6;
      double split_y = ((PopplerRectangle *) monitor->data)->y1;
      gboolean title_right = title->x1 > split_x;
      gboolean name_right = name->x1 > split_x;
      /* find_text's y grows downwards or upwards: compare with the same sign. */
      gboolean title_low = (title->y1 - split_y) * (((PopplerRectangle *) monitor->data)->y1 -
                            ((PopplerRectangle *) manage->data)->y1) >= 0;
      gboolean name_low = (name->y1 - split_y) * (((PopplerRectangle *) monitor->data)->y1 -
                           ((PopplerRectangle *) manage->data)->y1) >= 0;

      g_test_message ("%s at %.0f,%.0f; %s at %.0f,%.0f", places[i].party, name->x1, name->y1,
                      places[i].quadrant, title->x1, title->y1);
      g_assert_cmpint (title_right, ==, name_right);
      g_assert_cmpint (title_low, ==, name_low);
      free_rectangles (names);
      free_rectangles (titles);
      free_rectangles (manage);
      free_rectangles (monitor);
    }
}

/* A council without parties, and a council that is gone: a page that says so, no crash. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *council_id = raad_test_save_council (fixture->store, "Raad zonder partijen",
                                                        RAAD_COUNCIL_LOCAL, "Zwolle");
  const char *ids[] = { council_id, "council-gone" };
  const char *expected[] = { "Raad zonder partijen", "Unknown council" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    for (int grid = 0; grid <= 1; grid++)
      {
        g_autoptr(RaadSpeelveldDocument) document = raad_speelveld_document_new (fixture->store,
                                                                                 ids[i], grid);
        g_autofree char *path = g_strdup_printf ("%s/leeg-%u-%d.pdf", fixture->dir, i, grid);
        g_autofree char *png = g_strdup_printf ("%s/leeg-%u-%d.png", fixture->dir, i, grid);
        g_autoptr(GError) error = NULL;
        g_autoptr(PopplerDocument) pdf = NULL;
        g_autofree char *text = NULL;

        raad_speelveld_document_set_today (document, TODAY);
        g_assert_true (raad_speelveld_document_export_pdf (document, path, &error));
        g_assert_no_error (error);
        g_assert_true (raad_speelveld_document_export_png (document, png, 0.5, &error));
        g_assert_no_error (error);
        pdf = open_pdf (path);
        g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
        text = page_text (pdf, 0);
        g_assert_nonnull (strstr (text, expected[i]));
        if (grid)
          g_assert_nonnull (strstr (text, "Manage closely"));
        else
          g_assert_nonnull (strstr (text, "No parties on this playing field yet"));
        g_assert_null (strstr (text, "Raad van bestuur"));
      }
}

/* Failure */

static void
test_missing_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RaadSpeelveldDocument) map = new_document (fixture, FALSE);
  g_autofree char *missing = g_build_filename (fixture->dir, "bestaat-niet", NULL);
  const char *names[] = { "Speelveld.png", "Speelveld.svg", "Speelveld.pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (missing, names[i], NULL);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      if (i == 0)
        ok = raad_speelveld_document_export_png (map, path, 1.0, &error);
      else if (i == 1)
        ok = raad_speelveld_document_export_svg (map, path, &error);
      else
        ok = raad_speelveld_document_export_pdf (map, path, &error);

      g_test_message ("%s", error != NULL ? error->message : "(no error)");
      g_assert_false (ok);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      g_assert_nonnull (strstr (error->message, names[i]));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    }
  g_assert_cmpuint (count_files (fixture->dir), ==, 0);
}

/* An existing file is replaced whole; a failed write leaves the old one as it was. */
static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RaadSpeelveldDocument) map = new_document (fixture, FALSE);
  g_autofree char *path = g_build_filename (fixture->dir, "Speelveld.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_set_contents (path, "oud", -1, NULL));
  g_assert_true (raad_speelveld_document_export_png (map, path, 0.25, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export/speelveld/link-styles", test_link_styles);
  g_test_add_func ("/export/speelveld/link-cache", test_link_cache);
  g_test_add ("/export/speelveld/layout-no-overlap", Fixture, NULL, fixture_set_up,
              test_layout_no_overlap, fixture_tear_down);
  g_test_add ("/export/speelveld/png", Fixture, NULL, fixture_set_up, test_png,
              fixture_tear_down);
  g_test_add ("/export/speelveld/svg", Fixture, NULL, fixture_set_up, test_svg,
              fixture_tear_down);
  g_test_add ("/export/speelveld/pdf-map", Fixture, NULL, fixture_set_up, test_pdf_map,
              fixture_tear_down);
  g_test_add ("/export/speelveld/pdf-grid", Fixture, NULL, fixture_set_up, test_pdf_grid,
              fixture_tear_down);
  g_test_add ("/export/speelveld/empty", Fixture, NULL, fixture_set_up, test_empty,
              fixture_tear_down);
  g_test_add ("/export/speelveld/missing-folder", Fixture, NULL, fixture_set_up,
              test_missing_folder, fixture_tear_down);
  g_test_add ("/export/speelveld/replace", Fixture, NULL, fixture_set_up, test_replace,
              fixture_tear_down);

  return g_test_run ();
}
