-- Lays out the Vigil DMG window: CPack's DragNDrop generator runs this with osascript on the mounted
-- image (CPACK_DMG_DS_STORE_SETUP_SCRIPT, argument: the volume name) and keeps the .DS_Store it
-- leaves. Vigil.app on the left, the Applications link on the right, over the arrow drawn in
-- .background/background.png (packaging/icons/dmg-background.png, 600x400; the positions below are
-- the icon centres DmgBackground.h draws around).
on run argv
	set volumeName to item 1 of argv
	tell application "Finder"
		tell disk volumeName
			open
			set current view of container window to icon view
			set toolbar visible of container window to false
			set statusbar visible of container window to false
			-- 600x400 of content; the extra 28 points are the title bar.
			set the bounds of container window to {200, 120, 800, 548}
			set viewOptions to the icon view options of container window
			set arrangement of viewOptions to not arranged
			set icon size of viewOptions to 128
			set text size of viewOptions to 13
			set background picture of viewOptions to file ".background:background.png"
			set position of item "Vigil.app" of container window to {150, 190}
			set position of item "Applications" of container window to {450, 190}
			close
			open
			update without registering applications
			-- Finder writes .DS_Store lazily; give it time before CPack unmounts the image.
			delay 2
			close
		end tell
	end tell
end run
