"""What the build writes besides pages: search, feeds, structured data, media, share images, history."""
