/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-import-error.c: the error domain of everything that reads files made elsewhere */
#define G_LOG_DOMAIN "raad-export"

#include "config.h"

#include "raad-import-error.h"

G_DEFINE_QUARK (raad-import-error-quark, raad_import_error)
