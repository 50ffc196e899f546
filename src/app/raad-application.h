/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-application.h: the Raadswerk application: options, actions, the one store */
#pragma once

#include <adwaita.h>

#include "raad-store.h"

G_BEGIN_DECLS

#define RAAD_TYPE_APPLICATION (raad_application_get_type ())
G_DECLARE_FINAL_TYPE (RaadApplication, raad_application, RAAD, APPLICATION, AdwApplication)

RaadApplication *raad_application_new       (void);
/* The store opened at start-up, or NULL when it could not be opened. */
RaadStore       *raad_application_get_store (RaadApplication *self);

G_END_DECLS
