/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-pdf.h: writing a paginated document to a PDF file, whole or not at all */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* What a document that paginates on a cairo context provides (the face-book, the agenda). */
typedef int  (*RaadPdfPaginate) (gpointer  document,
                                 cairo_t  *cr,
                                 double    width,
                                 double    height);
typedef void (*RaadPdfDrawPage) (gpointer  document,
                                 cairo_t  *cr,
                                 int       page);
/* The PDF's title, asked after pagination (which reads the document's data). */
typedef char *(*RaadPdfTitle)   (gpointer  document);

/* Lays @document out on pages of @width × @height points and writes them to @path as a PDF
 * titled as @title says. The file is written beside @path and renamed at the end, so that no
 * half-written PDF ever appears; errors say which file and why. */
gboolean raad_pdf_export (gpointer          document,
                          RaadPdfPaginate   paginate,
                          RaadPdfDrawPage   draw_page,
                          RaadPdfTitle      title,
                          double            width,
                          double            height,
                          const char       *path,
                          GError          **error);

/* What raad_write_whole writes: it hands @write and @closure to a cairo surface made for a
 * stream (PDF, SVG, or cairo_surface_write_to_png_stream) and returns the surface's status. */
typedef cairo_status_t (*RaadWriteContents) (cairo_write_func_t  write,
                                             gpointer            closure,
                                             gpointer            data);

/* Writes what @contents makes to a file beside @path, flushed to disk and renamed to @path at
 * the end: the file appears whole or not at all, and errors say which file and why. */
gboolean raad_write_whole (const char         *path,
                           RaadWriteContents   contents,
                           gpointer            data,
                           GError            **error);

G_END_DECLS
