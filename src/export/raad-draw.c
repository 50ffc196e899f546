/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-draw.c: what every drawing routine of an export needs: colours, text, shapes */
#include "config.h"

#include "raad-draw.h"

void
raad_draw_set_colour (cairo_t *cr,
                      guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

void
raad_draw_rounded_rectangle (cairo_t *cr,
                             double   x,
                             double   y,
                             double   width,
                             double   height,
                             double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

PangoLayout *
raad_draw_layout (cairo_t        *cr,
                  const char     *text,
                  double          size,
                  PangoWeight     weight,
                  double          width,
                  int             max_lines,
                  PangoAlignment  alignment)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoContext *context = pango_layout_get_context (layout);
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoFontDescription *description = pango_font_description_from_string (RAAD_DRAW_FONT_FAMILY);

  /* Unhinted metrics: the same text breaks the same way on screen, paper and PDF. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);

  pango_font_description_set_size (description, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (description, weight);
  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      if (max_lines > 0)
        {
          pango_layout_set_height (layout, -max_lines);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
    }
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

double
raad_draw_layout_width (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double) width / PANGO_SCALE;
}

double
raad_draw_layout_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double) height / PANGO_SCALE;
}

double
raad_draw_place_text (cairo_t     *cr,
                      gboolean     draw,
                      const char  *text,
                      double       size,
                      PangoWeight  weight,
                      double       x,
                      double       y,
                      double       width,
                      guint32      colour)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL || *text == '\0')
    return 0;
  layout = raad_draw_layout (cr, text, size, weight, width, 0, PANGO_ALIGN_LEFT);
  if (draw)
    {
      raad_draw_set_colour (cr, colour);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  return raad_draw_layout_height (layout);
}
