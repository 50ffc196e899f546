/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-photo.c: member photos: checked, cropped square and scaled down before storing */
#define G_LOG_DOMAIN "raad-photo"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "raad-photo.h"
#include "raad-store.h"

/* Images larger than this in either direction are refused before decoding the pixels. */
#define MAX_DIMENSION 12000

static GBytes *
encode_square (GdkPixbuf  *pixbuf,
               GError    **error)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int side = MIN (width, height);
  int size = MIN (side, RAAD_PHOTO_SIZE);
  g_autoptr(GdkPixbuf) square = NULL;
  g_autoptr(GdkPixbuf) scaled = NULL;
  g_autoptr(GdkPixbuf) flat = NULL;
  g_autofree char *buffer = NULL;
  gsize len = 0;

  /* Centre crop, then scale: faces are usually in the middle of a portrait. */
  square = gdk_pixbuf_new_subpixbuf (pixbuf, (width - side) / 2, (height - side) / 2, side, side);
  scaled = gdk_pixbuf_scale_simple (square, size, size, GDK_INTERP_HYPER);
  if (scaled == NULL)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   _("There is not enough memory to scale the photo."));
      return NULL;
    }
  /* JPEG has no alpha: put transparent pictures on white. */
  if (gdk_pixbuf_get_has_alpha (scaled))
    flat = gdk_pixbuf_composite_color_simple (scaled, size, size, GDK_INTERP_NEAREST, 255, 8,
                                              0xffffffff, 0xffffffff);
  else
    flat = g_object_ref (scaled);
  if (!gdk_pixbuf_save_to_buffer (flat, &buffer, &len, "jpeg", error, "quality", "85", NULL))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&buffer), len);
}

/* The loader for @data by its first bytes. gdk-pixbuf guesses through shared-mime-info,
 * which a sandbox or a test may lack; the common formats are known by their magic. */
static GdkPixbufLoader *
loader_for (GBytes *data)
{
  gsize len = 0;
  const guchar *p = g_bytes_get_data (data, &len);
  const char *type = NULL;
  GdkPixbufLoader *loader;

  if (len >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
    type = "jpeg";
  else if (len >= 8 && memcmp (p, "\x89PNG\r\n\x1a\n", 8) == 0)
    type = "png";
  else if (len >= 4 && memcmp (p, "GIF8", 4) == 0)
    type = "gif";
  else if (len >= 2 && memcmp (p, "BM", 2) == 0)
    type = "bmp";
  else if (len >= 4 && (memcmp (p, "II*\0", 4) == 0 || memcmp (p, "MM\0*", 4) == 0))
    type = "tiff";
  if (type != NULL && (loader = gdk_pixbuf_loader_new_with_type (type, NULL)) != NULL)
    return loader;
  return gdk_pixbuf_loader_new ();
}

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  gboolean *too_large = user_data;

  if (width > MAX_DIMENSION || height > MAX_DIMENSION)
    {
      *too_large = TRUE;
      gdk_pixbuf_loader_set_size (loader, 1, 1);
    }
}

GBytes *
raad_photo_prepare_bytes (GBytes  *data,
                          GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GdkPixbuf) oriented = NULL;
  gboolean too_large = FALSE;
  GdkPixbuf *pixbuf;

  g_return_val_if_fail (data != NULL, NULL);

  if (g_bytes_get_size (data) > RAAD_PHOTO_MAX_FILE_SIZE)
    {
      g_autofree char *limit = g_format_size (RAAD_PHOTO_MAX_FILE_SIZE);
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   _("The photo is too large; choose one smaller than %s."), limit);
      return NULL;
    }
  loader = loader_for (data);
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), &too_large);
  if (!gdk_pixbuf_loader_write_bytes (loader, data, &local_error) ||
      !gdk_pixbuf_loader_close (loader, &local_error))
    {
      g_debug ("Photo not readable: %s", local_error->message);
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   _("This file is not a photo Raadswerk can read. Choose a JPEG or PNG image."));
      return NULL;
    }
  if (too_large)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   _("The photo has too many pixels; choose one of at most %d by %d."),
                   MAX_DIMENSION, MAX_DIMENSION);
      return NULL;
    }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   _("This file is not a photo Raadswerk can read. Choose a JPEG or PNG image."));
      return NULL;
    }
  /* Phones store portraits sideways with an orientation tag. */
  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  return encode_square (oriented != NULL ? oriented : pixbuf, error);
}

GBytes *
raad_photo_prepare_file (GFile   *file,
                         GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL,
                            &local_error);
  if (info == NULL)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   _("The photo cannot be opened: %s"), local_error->message);
      return NULL;
    }
  if (g_file_info_get_size (info) > RAAD_PHOTO_MAX_FILE_SIZE)
    {
      g_autofree char *limit = g_format_size (RAAD_PHOTO_MAX_FILE_SIZE);
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   _("The photo is too large; choose one smaller than %s."), limit);
      return NULL;
    }
  data = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (data == NULL)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID,
                   _("The photo cannot be opened: %s"), local_error->message);
      return NULL;
    }
  return raad_photo_prepare_bytes (data, error);
}

GdkPixbuf *
raad_photo_load_thumbnail (GBytes  *data,
                           int      size,
                           GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  GdkPixbuf *pixbuf;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (size > 0, NULL);

  loader = loader_for (data);
  /* Decode at the size drawn, not the size stored. */
  gdk_pixbuf_loader_set_size (loader, size, size);
  if (!gdk_pixbuf_loader_write_bytes (loader, data, error) ||
      !gdk_pixbuf_loader_close (loader, error))
    return NULL;
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error (error, RAAD_STORE_ERROR, RAAD_STORE_ERROR_INVALID, "No image in the photo data");
      return NULL;
    }
  return g_object_ref (pixbuf);
}
