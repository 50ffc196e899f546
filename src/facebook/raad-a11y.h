/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-a11y.h: small repairs to what GTK 4.8 tells a screen reader */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 names a button with a mnemonic label twice ("_Save Save"): its label property and
 * the label child it is labelled by. Gives every such button below @root its plain label as
 * its only name. Call after gtk_widget_init_template. */
void raad_a11y_fix_mnemonic_buttons (GtkWidget *root);

G_END_DECLS
