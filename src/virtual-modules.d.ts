// Served by the course-data Vite plugin (src/build/course-module.ts); typed in course-data.ts.
declare module 'virtual:course-data' {
  const data: unknown;
  export default data;
}
