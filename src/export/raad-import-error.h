/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-import-error.h: the error domain of everything that reads files made elsewhere */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RAAD_IMPORT_ERROR (raad_import_error_quark ())

typedef enum
{
  RAAD_IMPORT_ERROR_EMPTY,        /* nothing to import: no card at all */
  RAAD_IMPORT_ERROR_SYNTAX,       /* the file is not well-formed */
  RAAD_IMPORT_ERROR_UNSUPPORTED,  /* well-formed, but a version or encoding we do not read */
  RAAD_IMPORT_ERROR_INVALID,      /* a value is wrong: a date, a missing name */
  RAAD_IMPORT_ERROR_PHOTO,        /* a photo cannot be decoded or used */
} RaadImportError;

GQuark raad_import_error_quark (void);

G_END_DECLS
