/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-preferences-window.h: the organisation's name and the face-book settings */
#pragma once

#include <adwaita.h>

#include "raad-store.h"

G_BEGIN_DECLS

#define RAAD_TYPE_PREFERENCES_WINDOW (raad_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (RaadPreferencesWindow, raad_preferences_window, RAAD, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

RaadPreferencesWindow *raad_preferences_window_new (RaadStore *store);

G_END_DECLS
