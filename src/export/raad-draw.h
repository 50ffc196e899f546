/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-draw.h: what every drawing routine of an export needs: colours, text, shapes */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* The one family every document uses. */
#define RAAD_DRAW_FONT_FAMILY "Sans"

/* Sets the source to a colour given as 0xRRGGBB. */
void         raad_draw_set_colour        (cairo_t        *cr,
                                          guint32         rgb);
/* A path of a rectangle with rounded corners (not stroked or filled). */
void         raad_draw_rounded_rectangle (cairo_t        *cr,
                                          double          x,
                                          double          y,
                                          double          width,
                                          double          height,
                                          double          radius);
/* A layout of @text whose font @size is in user units on any surface (PDF, print, image), with
 * unhinted metrics so that text breaks the same way everywhere. With @width > 0 it wraps at
 * @width, and with @max_lines > 0 it ends in "…" after that many lines. */
PangoLayout *raad_draw_layout            (cairo_t        *cr,
                                          const char     *text,
                                          double          size,
                                          PangoWeight     weight,
                                          double          width,
                                          int             max_lines,
                                          PangoAlignment  alignment);
double       raad_draw_layout_width      (PangoLayout    *layout);
double       raad_draw_layout_height     (PangoLayout    *layout);
/* Lays out @text at (@x, @y) in @width in @colour, drawing it only when @draw (measuring and
 * drawing go through the same code); returns its height, 0 for no text. */
double       raad_draw_place_text        (cairo_t        *cr,
                                          gboolean        draw,
                                          const char     *text,
                                          double          size,
                                          PangoWeight     weight,
                                          double          x,
                                          double          y,
                                          double          width,
                                          guint32         colour);

G_END_DECLS
