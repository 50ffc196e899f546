/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-pdf.c: writing a paginated document to a PDF file, whole or not at all */
#define G_LOG_DOMAIN "raad-export"

#include "config.h"

#include <glib/gi18n.h>

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "raad-pdf.h"

typedef struct
{
  int fd;
  int error;   /* errno of the first failed write */
} PdfStream;

static cairo_status_t
write_pdf_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  PdfStream *stream = closure;

  while (length > 0 && stream->error == 0)
    {
      ssize_t written = write (stream->fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          stream->error = errno;
          break;
        }
      data += written;
      length -= written;
    }
  return stream->error == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void
set_save_error (GError     **error,
                const char  *path,
                int          code,
                const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, code, _("Cannot save “%s”: %s"),
               display, reason);
}

gboolean
raad_write_whole (const char         *path,
                  RaadWriteContents   contents,
                  gpointer            data,
                  GError            **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_name = NULL;
  g_autofree char *tmp_path = NULL;
  PdfStream stream = { -1, 0 };
  cairo_status_t status;
  int saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Written beside the target and renamed at the end: no half-written file ever appears. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_name = g_strdup_printf (".%s-XXXXXX", base);
  tmp_path = g_build_filename (dir, tmp_name, NULL);
  stream.fd = g_mkstemp_full (tmp_path, O_WRONLY, 0666);
  if (stream.fd < 0)
    {
      saved_errno = errno;
      set_save_error (error, path, g_io_error_from_errno (saved_errno),
                      g_strerror (saved_errno));
      return FALSE;
    }

  status = contents (write_pdf_cb, &stream, data);

  if (stream.error == 0 && status == CAIRO_STATUS_SUCCESS && fsync (stream.fd) != 0)
    stream.error = errno;
  if (close (stream.fd) != 0 && stream.error == 0)
    stream.error = errno;

  if (stream.error != 0 || status != CAIRO_STATUS_SUCCESS)
    {
      if (stream.error != 0)
        set_save_error (error, path, g_io_error_from_errno (stream.error),
                        g_strerror (stream.error));
      else
        set_save_error (error, path, G_IO_ERROR_FAILED, cairo_status_to_string (status));
      g_unlink (tmp_path);
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      saved_errno = errno;
      set_save_error (error, path, g_io_error_from_errno (saved_errno),
                      g_strerror (saved_errno));
      g_unlink (tmp_path);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  gpointer         document;
  RaadPdfPaginate  paginate;
  RaadPdfDrawPage  draw_page;
  RaadPdfTitle     title;
  double           width;
  double           height;
} PdfJob;

static cairo_status_t
write_pdf (cairo_write_func_t  write,
           gpointer            closure,
           gpointer            data)
{
  PdfJob *job = data;
  g_autofree char *title_text = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int pages;

  surface = cairo_pdf_surface_create_for_stream (write, closure, job->width, job->height);
  cr = cairo_create (surface);
  pages = job->paginate (job->document, cr, job->width, job->height);
  title_text = job->title (job->document);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  title_text != NULL ? title_text : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Raadswerk");

  for (int i = 0; i < pages; i++)
    {
      job->draw_page (job->document, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

gboolean
raad_pdf_export (gpointer          document,
                 RaadPdfPaginate   paginate,
                 RaadPdfDrawPage   draw_page,
                 RaadPdfTitle      title,
                 double            width,
                 double            height,
                 const char       *path,
                 GError          **error)
{
  PdfJob job = { document, paginate, draw_page, title, width, height };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return raad_write_whole (path, write_pdf, &job, error);
}
